package dev.camelovershoot.component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.camel.Endpoint;

/**
 * The component's streams by name, counted by their users (started producers and consumers): the first user to
 * start creates the stream, the last to stop closes it. A stream that is over (ended, or closed by closeStream) is
 * replaced by a new one for the next user to start, while the users it still has keep it until they stop.
 */
final class SharedStreams<S extends NamedStream> {

    private final OvershootComponent component;
    private final NamedStream.Starter<S> starter;
    /** The stream a user starting now joins, by name. */
    private final Map<String, S> current = new HashMap<>();
    /** Users of every stream not closed yet, the current ones and those that were replaced. */
    private final Map<S, Integer> users = new IdentityHashMap<>();
    /** The keyed streams of each name that has users. */
    private final Map<String, StreamFleet<S>> fleets = new HashMap<>();
    /** Users of each fleet. */
    private final Map<StreamFleet<S>, Integer> fleetUsers = new IdentityHashMap<>();

    SharedStreams(OvershootComponent component, NamedStream.Starter<S> starter) {
        this.component = component;
        this.starter = starter;
    }

    /**
     * The stream of this endpoint's name, started if none runs or the one there is over.
     *
     * @throws IllegalArgumentException when the endpoint's options conflict with those of the other endpoints of the
     *                                  stream, or the configuration is wrong
     */
    synchronized S acquire(OvershootEndpoint endpoint) {
        String name = endpoint.getStreamName();
        S stream = current.get(name);
        if (stream == null || stream.isOver()) {
            stream = starter.start(name, null, configuration(endpoint), component);
            current.put(name, stream);
        } else {
            StreamOptions.checkJoining(name, endpoint, stream.configuration());
        }
        users.merge(stream, 1, Integer::sum);
        return stream;
    }

    /**
     * One user less; the last one closes the stream. A route stopping on its own waits for the close (within Camel's
     * shutdown timeout); while the CamelContext stops, the component waits for all its streams at once instead.
     */
    void release(S stream) {
        synchronized (this) {
            Integer count = users.get(stream);
            if (count == null) {
                return;
            }
            if (count > 1) {
                users.put(stream, count - 1);
                return;
            }
            users.remove(stream);
            current.remove(stream.name(), stream);
        }
        CompletableFuture<Void> closing = stream.closeAsync();
        component.tearingDown(closing);
        if (!component.getCamelContext().isStopping()) {
            component.awaitClosed(closing, "Overshoot stream '" + stream.name() + "'");
        }
    }

    /**
     * The keyed streams of this endpoint's name, one user more; the first user makes them with the name's merged
     * configuration.
     *
     * @throws IllegalArgumentException when the endpoint's options conflict with those of the name's other endpoints
     */
    synchronized StreamFleet<S> acquireFleet(OvershootEndpoint endpoint) {
        String name = endpoint.getStreamName();
        StreamFleet<S> fleet = fleets.get(name);
        if (fleet == null) {
            fleet = new StreamFleet<>(name, configuration(endpoint), starter, component);
            fleets.put(name, fleet);
        } else {
            StreamOptions.checkJoining(name, endpoint, fleet.configuration());
        }
        fleetUsers.merge(fleet, 1, Integer::sum);
        return fleet;
    }

    /** One user less of the keyed streams; the last one closes them all, waiting as {@link #release} does. */
    void releaseFleet(StreamFleet<S> fleet) {
        synchronized (this) {
            Integer count = fleetUsers.get(fleet);
            if (count == null) {
                return;
            }
            if (count > 1) {
                fleetUsers.put(fleet, count - 1);
                return;
            }
            fleetUsers.remove(fleet);
            fleets.remove(fleet.name(), fleet);
        }
        CompletableFuture<Void> closing = fleet.closeAll();
        if (!component.getCamelContext().isStopping()) {
            component.awaitClosed(closing, "The keyed streams of Overshoot endpoint '" + fleet.name() + "'");
        }
    }

    /** The keyed streams of a name while it has users, else null. */
    synchronized StreamFleet<S> fleet(String name) {
        return fleets.get(name);
    }

    /**
     * The configuration of the endpoint's stream: its own, with the stream options any endpoint of that name gives
     * (the API key included, so one endpoint may carry it for all).
     */
    OvershootConfiguration configuration(OvershootEndpoint endpoint) {
        return StreamOptions.merge(endpoint.getStreamName(), endpointsOf(endpoint));
    }

    /**
     * Every endpoint of the context that names the stream, the one starting first: all of them count, including
     * those whose routes start later, so options may be given on any of them.
     */
    private List<OvershootEndpoint> endpointsOf(OvershootEndpoint starting) {
        List<OvershootEndpoint> endpoints = new ArrayList<>(List.of(starting));
        for (Endpoint endpoint : component.getCamelContext().getEndpoints()) {
            if (endpoint instanceof OvershootEndpoint peer && peer != starting && peer.getComponent() == component
                    && peer.getStreamName().equals(starting.getStreamName())) {
                endpoints.add(peer);
            }
        }
        return endpoints;
    }
}
