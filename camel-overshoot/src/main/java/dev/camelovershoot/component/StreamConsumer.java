package dev.camelovershoot.component;

import org.apache.camel.Processor;
import org.apache.camel.Suspendable;
import org.apache.camel.support.DefaultConsumer;

/**
 * What the v0.2 and v1 consumers share: the streams they use (the one the URI names unless keyed=true, and the keyed
 * streams of the name), joined at start and left at stop, paused while suspended, and their health check.
 *
 * @param <S> the kind of stream the consumer's API version uses
 */
abstract class StreamConsumer<S extends NamedStream> extends DefaultConsumer
        implements Suspendable, StreamHealth.Subject {

    private final KeyedAttachments<S> keyed = new KeyedAttachments<>(this::attachment);
    private volatile S stream;
    private volatile StreamFleet<S> fleet;
    private OvershootConsumerHealthCheck check;

    StreamConsumer(OvershootEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public OvershootEndpoint getEndpoint() {
        return (OvershootEndpoint) super.getEndpoint();
    }

    /** The component's streams of the consumer's API version. */
    abstract SharedStreams<S> registry();

    /** Starts what routes the streams' results and events, once the streams are acquired and before they are joined. */
    abstract void startDelivery();

    /** Stops what {@link #startDelivery()} started, after the streams were left and before they are released. */
    abstract void stopDelivery();

    /** Starts taking what the named stream tells (at start). */
    abstract void join(S named);

    /** Stops taking it for good (at stop). */
    abstract void leave(S named);

    /** Stops taking it while suspended. */
    abstract void pause(S named);

    abstract void resume(S named);

    /** What the consumer does with a keyed stream of its name. */
    abstract KeyedAttachments.Attachment<S> attachment(String key, S keyStream);

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        SharedStreams<S> streams = registry();
        if (!streams.configuration(getEndpoint()).isKeyed()) {
            stream = streams.acquire(getEndpoint());
        }
        fleet = streams.acquireFleet(getEndpoint());
        startDelivery();
        check = OvershootConsumerHealthCheck.attach(this, getEndpoint(), this);
        S named = stream;
        if (named != null) {
            join(named);
        }
        fleet.subscribe(keyed);
    }

    @Override
    protected void doStop() throws Exception {
        if (check != null) {
            check.detach();
            check = null;
        }
        S named = stream;
        StreamFleet<S> keyedStreams = fleet;
        stream = null;
        fleet = null;
        if (named != null) {
            leave(named);
        }
        if (keyedStreams != null) {
            keyedStreams.unsubscribe(keyed);
            keyed.detachAll();
        }
        stopDelivery();
        if (named != null) {
            registry().release(named);
        }
        if (keyedStreams != null) {
            registry().releaseFleet(keyedStreams);
        }
        super.doStop();
    }

    @Override
    protected void doSuspend() {
        S named = stream;
        if (named != null) {
            pause(named);
        }
        keyed.pauseAll();
    }

    @Override
    protected void doResume() {
        S named = stream;
        if (named != null) {
            resume(named);
        }
        keyed.resumeAll();
    }

    /** The stream the URI names while started, else null (also with keyed=true). */
    S stream() {
        return stream;
    }

    /** Whether the consumer holds its streams: from its start until it stops. */
    boolean holdsStreams() {
        return fleet != null;
    }

    /** Where the stream the URI names stands, for the health check; null with keyed=true (it opens none). */
    @Override
    public StreamStatus streamStatus() {
        S named = stream;
        return named == null ? (fleet == null ? StreamStatus.starting() : null) : named.status();
    }

    @Override
    public StreamFleet<S> keyedStreams() {
        return fleet;
    }
}
