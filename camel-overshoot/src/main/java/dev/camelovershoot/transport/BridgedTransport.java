package dev.camelovershoot.transport;

import dev.camelovershoot.media.FrameRateCap;
import dev.camelovershoot.media.I420Frame;
import dev.camelovershoot.transport.rtc.FrameBridge;
import dev.camelovershoot.transport.rtc.WebRtcRuntime;
import dev.onvoid.webrtc.media.video.VideoTrack;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * What every video transport shares: one frame bridge (its track outlives reconnections), the publish-rate cap, and
 * the current connection, which a recreated stream replaces.
 *
 * @param <C> the connection: a LiveKit participant, or a bare peer connection
 */
abstract class BridgedTransport<C extends BridgedTransport.Connection> implements VideoTransport {

    /** A connection to the service; closing it must not throw. */
    interface Connection extends AutoCloseable {
        @Override
        void close();
    }

    protected final WebRtcRuntime runtime;
    protected final TransportSettings settings;
    private final FrameBridge bridge;
    private final FrameRateCap cap;
    private volatile C connection;
    private volatile boolean live;

    BridgedTransport(WebRtcRuntime runtime, TransportSettings settings) {
        this.runtime = runtime;
        this.settings = settings;
        this.bridge = runtime.createFrameBridge("TR_" + UUID.randomUUID());
        this.cap = new FrameRateCap(settings.publishFps());
    }

    protected VideoTrack track() {
        return bridge.track();
    }

    protected C connection() {
        return connection;
    }

    /** Replaces the connection, closing the one it replaces; frames flow once {@link #live(boolean)} says so. */
    protected void connection(C next) {
        C previous;
        synchronized (this) {
            previous = connection;
            connection = next;
        }
        if (previous != null && previous != next) {
            previous.close();
        }
    }

    /** Closes {@code failed} and stops the frames, unless another connection replaced it meanwhile. */
    protected void release(C failed) {
        synchronized (this) {
            if (connection != failed) {
                return;
            }
            live = false;
            connection = null;
        }
        failed.close();
    }

    protected void live(boolean flowing) {
        live = flowing;
    }

    protected boolean isLive() {
        return live;
    }

    @Override
    public boolean publish(I420Frame frame) {
        return live && cap.admit(frame.timestampNanos()) && bridge.push(frame);
    }

    @Override
    public CompletableFuture<Void> disconnect() {
        C current;
        synchronized (this) {
            live = false;
            current = connection;
            connection = null;
        }
        if (current != null) {
            current.close();
        }
        return CompletableFuture.completedFuture(null);
    }

    /** Disconnects, then releases the bridge: the connection must let go of the track first. */
    @Override
    public void close() {
        disconnect();
        bridge.close();
    }
}
