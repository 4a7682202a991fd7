package dev.camelovershoot.component;

import java.util.concurrent.CompletableFuture;
import org.apache.camel.Message;

/**
 * The streams a producer (v0.2 or v1) uses: the one its URI names, joined when first needed, and the keyed streams of
 * the name (header {@link OvershootConstants#STREAM_KEY}), joined on the first exchange with a key; both left when
 * the producer stops.
 */
final class ProducerStreams<S extends NamedStream> implements StreamHealth.Subject {

    private final OvershootEndpoint endpoint;
    private final SharedStreams<S> registry;
    private final boolean keyedOnly;
    private S named;
    private StreamFleet<S> fleet;

    ProducerStreams(OvershootEndpoint endpoint, SharedStreams<S> registry) {
        this.endpoint = endpoint;
        this.registry = registry;
        this.keyedOnly = registry.configuration(endpoint).isKeyed();
    }

    /** Whether the name stands for keyed streams only (keyed=true): no exchange may go without a key. */
    boolean keyedOnly() {
        return keyedOnly;
    }

    /**
     * The stream the URI names, joined on first use.
     *
     * @throws IllegalArgumentException when the name is keyed only
     */
    synchronized S named() {
        if (keyedOnly) {
            throw new IllegalArgumentException("Overshoot endpoint '" + endpoint.getStreamName() + "' has keyed"
                    + " streams only (keyed=true): set the header " + OvershootConstants.STREAM_KEY + " to the key"
                    + " (a camera id, ...) whose stream the exchange is for");
        }
        if (named == null) {
            named = registry.acquire(endpoint);
        }
        return named;
    }

    /** The stream the exchange's frame goes to: its key's (opened on the key's first frame), else the named one. */
    S forFrame(Message message) {
        String key = StreamFleet.key(message);
        return key == null ? named() : fleet().forFrame(key);
    }

    /** The stream another operation of the exchange acts on: its key's open stream, else the named one. */
    S forOperation(Message message) {
        String key = StreamFleet.key(message);
        return key == null ? named() : fleet().existing(key);
    }

    /** closeStream: the key's stream (if open), else the named one; completes when it is closed. */
    CompletableFuture<Void> close(Message message) {
        String key = StreamFleet.key(message);
        return key == null ? named().closeAsync() : fleet().close(key);
    }

    /** Leaves the streams it joined: the last user of each closes it. */
    void release() {
        S stream;
        StreamFleet<S> keyed;
        synchronized (this) {
            stream = named;
            keyed = fleet;
            named = null;
            fleet = null;
        }
        if (stream != null) {
            registry.release(stream);
        }
        if (keyed != null) {
            registry.releaseFleet(keyed);
        }
    }

    @Override
    public synchronized StreamStatus streamStatus() {
        return named == null ? null : named.status();
    }

    @Override
    public synchronized StreamFleet<S> keyedStreams() {
        return fleet;
    }

    private synchronized StreamFleet<S> fleet() {
        if (fleet == null) {
            fleet = registry.acquireFleet(endpoint);
        }
        return fleet;
    }
}
