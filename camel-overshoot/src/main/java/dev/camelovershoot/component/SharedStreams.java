package dev.camelovershoot.component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.camel.Endpoint;

/**
 * The component's streams by name, counted by their users (started producers and consumers): the first user to
 * start creates the stream, the last to stop closes it.
 */
final class SharedStreams {

    private final OvershootComponent component;
    private final Map<String, Entry> streams = new HashMap<>();

    SharedStreams(OvershootComponent component) {
        this.component = component;
    }

    /**
     * The stream of this endpoint's name, started if it is not running.
     *
     * @throws IllegalArgumentException when the endpoint's options conflict with those of the other endpoints of the
     *                                  stream, or the configuration is wrong
     */
    synchronized SharedStream acquire(OvershootEndpoint endpoint) {
        String name = endpoint.getStreamName();
        Entry entry = streams.get(name);
        if (entry == null) {
            OvershootConfiguration merged = StreamOptions.merge(name, endpointsOf(endpoint));
            entry = new Entry(SharedStream.start(name, merged, component));
            streams.put(name, entry);
        } else {
            StreamOptions.checkJoining(name, endpoint, entry.stream.configuration());
        }
        entry.users++;
        return entry.stream;
    }

    /**
     * One user less; the last one closes the stream. A route stopping on its own waits for the close (within Camel's
     * shutdown timeout); while the CamelContext stops, the component waits for all its streams at once instead.
     */
    void release(SharedStream stream) {
        synchronized (this) {
            Entry entry = streams.get(stream.name());
            if (entry == null || entry.stream != stream || --entry.users > 0) {
                return;
            }
            streams.remove(stream.name());
        }
        CompletableFuture<Void> closing = stream.closeAsync();
        component.tearingDown(closing);
        if (!component.getCamelContext().isStopping()) {
            component.awaitClosed(closing, "Overshoot stream '" + stream.name() + "'");
        }
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

    private static final class Entry {
        private final SharedStream stream;
        private int users;

        private Entry(SharedStream stream) {
            this.stream = stream;
        }
    }
}
