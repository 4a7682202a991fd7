package dev.camelovershoot.component;

import dev.camelovershoot.client.OvershootException;
import dev.camelovershoot.client.wire.LiveKitInfo;
import dev.camelovershoot.client.wire.Source;
import dev.camelovershoot.client.wire.StreamCreated;
import dev.camelovershoot.media.I420Frame;
import dev.camelovershoot.transport.LiveKitTransport;
import dev.camelovershoot.transport.TransportException;
import dev.camelovershoot.transport.TransportSettings;
import dev.camelovershoot.transport.VideoTransport;
import dev.camelovershoot.transport.WebRtcTransport;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A stream's video transport, made when first needed. A LiveKit transport (the service's room or your own) joins its
 * room when the first frame is published, so a stream that never publishes (a consumer whose video arrives another
 * way) never loads WebRTC; frames are dropped until the room is joined. Legacy WebRTC puts its offer in the create
 * request, so that transport is made at {@link #prepare()}. A frame source reports its end through {@link #fail}.
 */
final class MediaTransport implements VideoTransport {

    private final Supplier<VideoTransport> factory;
    private final boolean madeAtPrepare;
    private final Source announced;
    private final Executor executor;
    // Guarded by this.
    private VideoTransport delegate;
    private StreamCreated stream;
    private Consumer<OvershootException> failures;
    private boolean joining;
    private boolean closed;

    private MediaTransport(Supplier<VideoTransport> factory, boolean madeAtPrepare, Source announced, Executor executor) {
        this.factory = factory;
        this.madeAtPrepare = madeAtPrepare;
        this.announced = announced;
        this.executor = executor;
    }

    static MediaTransport of(OvershootConfiguration config, TransportSettings settings, OvershootComponent component) {
        Executor executor = component.mediaExecutor();
        switch (String.valueOf(config.getTransport())) {
            case "native":
                return new MediaTransport(() -> LiveKitTransport.serviceRoom(component.webRtcRuntime(),
                        component.httpClient(), settings), false, null, executor);
            case "livekit":
                String url = config.getLivekitUrl();
                String token = config.getLivekitToken();
                if (url == null || token == null) {
                    throw new IllegalArgumentException("transport=livekit needs livekitUrl and livekitToken (your LiveKit"
                            + " server and a token that may publish into your room)");
                }
                return new MediaTransport(() -> LiveKitTransport.userRoom(component.webRtcRuntime(),
                        component.httpClient(), settings, url, token), false, Source.liveKit(url, token), executor);
            case "webrtc":
                return new MediaTransport(() -> new WebRtcTransport(component.webRtcRuntime(), settings), true, null,
                        executor);
            default:
                throw new IllegalArgumentException("Unknown transport '" + config.getTransport()
                        + "': use native, livekit or webrtc");
        }
    }

    @Override
    public synchronized CompletableFuture<Source> prepare() {
        if (madeAtPrepare && delegate == null) {
            delegate = factory.get();
        }
        return delegate != null ? delegate.prepare() : CompletableFuture.completedFuture(announced);
    }

    @Override
    public synchronized CompletableFuture<Void> connect(StreamCreated created, Consumer<OvershootException> onFailure) {
        stream = created;
        failures = onFailure;
        return delegate == null ? CompletableFuture.completedFuture(null) : delegate.connect(created, onFailure);
    }

    /** Kept for a room joined later: the token the stream was created with expires after a few minutes. */
    @Override
    public synchronized void updateToken(String token) {
        if (stream != null && stream.livekit() != null) {
            stream = new StreamCreated(stream.streamId(), stream.lease(), new LiveKitInfo(stream.livekit().url(), token),
                    stream.webrtc(), stream.turnServers());
        }
        if (delegate != null) {
            delegate.updateToken(token);
        }
    }

    /**
     * Outside the lock: disconnecting waits for a room join in progress to stop, and the join's failure comes back
     * through {@link #fail}, which takes the lock.
     */
    @Override
    public CompletableFuture<Void> disconnect() {
        VideoTransport current;
        synchronized (this) {
            stream = null;
            current = delegate;
        }
        return current == null ? CompletableFuture.completedFuture(null) : current.disconnect();
    }

    @Override
    public synchronized boolean publish(I420Frame frame) {
        if (delegate != null) {
            return delegate.publish(frame);
        }
        if (stream != null && !joining && !closed) {
            joining = true;
            executor.execute(this::join);
        }
        return false;
    }

    @Override
    public synchronized boolean isLive() {
        return delegate != null && delegate.isLive();
    }

    /** Reports a failure of the video (the end of a frame source, a room that cannot be joined) to the session. */
    void fail(OvershootException failure) {
        Consumer<OvershootException> current;
        synchronized (this) {
            current = stream == null ? null : failures;
        }
        if (current != null) {
            current.accept(failure);
        }
    }

    /** Outside the lock, as {@link #disconnect}. */
    @Override
    public void close() {
        VideoTransport current;
        synchronized (this) {
            closed = true;
            current = delegate;
        }
        if (current != null) {
            current.close();
        }
    }

    /** On the media executor: makes the transport (loading WebRTC the first time), then joins the stream's room. */
    private void join() {
        VideoTransport made;
        try {
            made = factory.get();
        } catch (RuntimeException e) {
            fail(new TransportException("Video cannot be sent: " + e.getMessage(), e));
            return;
        }
        synchronized (this) {
            if (closed) {
                made.close();
                return;
            }
            delegate = made;
            if (stream != null) {
                delegate.connect(stream, failures).whenComplete((ignored, error) -> {
                    if (error != null) {
                        fail(overshootFailure(error));
                    }
                });
            }
        }
    }

    private static OvershootException overshootFailure(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        return cause instanceof OvershootException overshoot ? overshoot
                : new TransportException("Video cannot be sent: " + cause.getMessage(), cause);
    }
}
