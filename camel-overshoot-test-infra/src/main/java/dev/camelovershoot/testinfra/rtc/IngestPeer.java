package dev.camelovershoot.testinfra.rtc;

import dev.camelovershoot.testinfra.frames.I420Planes;
import dev.onvoid.webrtc.CreateSessionDescriptionObserver;
import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.PeerConnectionObserver;
import dev.onvoid.webrtc.RTCAnswerOptions;
import dev.onvoid.webrtc.RTCConfiguration;
import dev.onvoid.webrtc.RTCIceCandidate;
import dev.onvoid.webrtc.RTCIceConnectionState;
import dev.onvoid.webrtc.RTCIceGatheringState;
import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCPeerConnectionState;
import dev.onvoid.webrtc.RTCRtpTransceiver;
import dev.onvoid.webrtc.RTCSdpType;
import dev.onvoid.webrtc.RTCSessionDescription;
import dev.onvoid.webrtc.SetSessionDescriptionObserver;
import dev.onvoid.webrtc.media.MediaStreamTrack;
import dev.onvoid.webrtc.media.video.I420Buffer;
import dev.onvoid.webrtc.media.video.VideoFrame;
import dev.onvoid.webrtc.media.video.VideoTrack;
import dev.onvoid.webrtc.media.video.VideoTrackSink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server-side peer connection that answers a remote peer's offers and decodes the video track it sends (the most
 * recently added one, so a republished track takes over). Results of asynchronous operations and events reach callers
 * on the runtime's event thread, never on libwebrtc's own threads, so callers may call back into this peer.
 */
public final class IngestPeer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IngestPeer.class);
    /** Set while this thread is inside a frame callback, where removing the sink would deadlock. */
    private static final ThreadLocal<Boolean> IN_FRAME_CALLBACK = ThreadLocal.withInitial(() -> false);

    private final IngestListener listener;
    private final Executor events;
    private final Consumer<IngestPeer> onClosed;
    private final RTCPeerConnection connection;
    private final VideoTrackSink sink = this::onVideoFrame;
    private final CompletableFuture<Void> gathered = new CompletableFuture<>();
    private final Object lock = new Object();
    private final List<IceCandidate> earlyCandidates = new ArrayList<>();
    private boolean remoteDescriptionSet;
    private VideoTrack videoTrack;
    private RTCPeerConnectionState connectionState = RTCPeerConnectionState.NEW;
    private boolean iceDown;
    private IngestState reportedState;
    private volatile boolean closed;

    IngestPeer(PeerConnectionFactory factory, IngestListener listener, Executor events, Consumer<IngestPeer> onClosed) {
        this.listener = listener;
        this.events = events;
        this.onClosed = onClosed;
        // No ICE servers: host candidates on this machine's interfaces are all an emulator needs.
        this.connection = factory.createPeerConnection(new RTCConfiguration(), new Observer());
    }

    /**
     * Applies a remote offer and answers it; completes with the answer SDP. Local candidates follow through
     * {@link IngestListener#onLocalCandidate} (trickle ICE). Call again for every new offer, ICE restarts included,
     * but only after the previous answer completed.
     */
    public CompletableFuture<String> answer(String offerSdp) {
        if (closed) {
            return CompletableFuture.failedFuture(new IllegalStateException("peer connection is closed"));
        }
        return setRemoteDescription(new RTCSessionDescription(RTCSdpType.OFFER, offerSdp))
                .thenCompose(v -> createAnswer())
                .thenCompose(answer -> setLocalDescription(answer).thenApply(v -> answer.sdp));
    }

    /**
     * Answers an offer for a peer that cannot trickle: completes with an answer carrying every local candidate, once
     * ICE gathering completed or {@code gatherTimeout} passed (then with the candidates gathered so far).
     */
    public CompletableFuture<String> answerWithAllCandidates(String offerSdp, Duration gatherTimeout) {
        return answer(offerSdp)
                .thenCompose(sdp -> gathered.copy().completeOnTimeout(null, gatherTimeout.toMillis(), TimeUnit.MILLISECONDS))
                .thenApply(v -> {
                    if (!gathered.isDone()) {
                        LOG.warn("ICE gathering not complete after {}; answering with the candidates found so far", gatherTimeout);
                    }
                    return connection.getLocalDescription().sdp;
                });
    }

    /** Adds a remote ICE candidate; candidates that arrive before the first offer are held until it is applied. */
    public void addRemoteCandidate(IceCandidate candidate) {
        synchronized (lock) {
            if (closed) {
                return;
            }
            if (!remoteDescriptionSet) {
                earlyCandidates.add(candidate);
                return;
            }
        }
        addToConnection(candidate);
    }

    /** Removes the frame sink and closes the connection; idempotent. Callable from any callback. */
    @Override
    public void close() {
        if (IN_FRAME_CALLBACK.get()) {
            deliver(this::close);
            return;
        }
        VideoTrack track;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            track = videoTrack;
            videoTrack = null;
        }
        // A received track belongs to its receiver (the wrapper holds no reference): detach, never dispose it.
        if (track != null) {
            track.removeSink(sink);
        }
        connection.close();
        gathered.completeExceptionally(new IllegalStateException("peer connection closed"));
        onClosed.accept(this);
    }

    public boolean isClosed() {
        return closed;
    }

    /** A candidate the connection refuses (e.g. of an ICE generation a restart replaced) is dropped. */
    private void addToConnection(IceCandidate c) {
        try {
            connection.addIceCandidate(new RTCIceCandidate(c.sdpMid(), c.sdpMLineIndex(), c.candidate()));
        } catch (RuntimeException e) {
            LOG.debug("remote ICE candidate not added: {}", e.getMessage());
        } catch (Error e) {
            rethrowUnlessNativeFailure(e);
            LOG.debug("remote ICE candidate not added: {}", e.getMessage());
        }
    }

    private CompletableFuture<Void> setRemoteDescription(RTCSessionDescription offer) {
        return call((CompletableFuture<Void> done) -> connection.setRemoteDescription(offer, new SetObserver(done)))
                .thenRun(this::flushEarlyCandidates);
    }

    private CompletableFuture<RTCSessionDescription> createAnswer() {
        return call(done -> connection.createAnswer(new RTCAnswerOptions(), new CreateSessionDescriptionObserver() {
            @Override
            public void onSuccess(RTCSessionDescription description) {
                deliver(() -> done.complete(description));
            }

            @Override
            public void onFailure(String error) {
                deliver(() -> done.completeExceptionally(new IllegalStateException("createAnswer failed: " + error)));
            }
        }));
    }

    private CompletableFuture<Void> setLocalDescription(RTCSessionDescription answer) {
        return call((CompletableFuture<Void> done) -> connection.setLocalDescription(answer, new SetObserver(done)));
    }

    /** Starts an asynchronous native call that completes {@code done} from its observer, or fails at once. */
    private static <T> CompletableFuture<T> call(Consumer<CompletableFuture<T>> nativeCall) {
        CompletableFuture<T> done = new CompletableFuture<>();
        try {
            nativeCall.accept(done);
        } catch (RuntimeException e) {
            done.completeExceptionally(e);
        } catch (Error e) {
            rethrowUnlessNativeFailure(e);
            done.completeExceptionally(e);
        }
        return done;
    }

    /**
     * webrtc-java reports native failures (an SDP or candidate it cannot parse, a closed connection) by throwing a
     * plain {@code java.lang.Error}; those are the remote peer's or a race's fault, not the JVM's.
     */
    private static void rethrowUnlessNativeFailure(Error e) {
        if (e.getClass() != Error.class) {
            throw e;
        }
    }

    private void flushEarlyCandidates() {
        List<IceCandidate> pending;
        synchronized (lock) {
            remoteDescriptionSet = true;
            pending = new ArrayList<>(earlyCandidates);
            earlyCandidates.clear();
        }
        pending.forEach(this::addToConnection);
    }

    private void onTrack(MediaStreamTrack track) {
        if (!(track instanceof VideoTrack video)) {
            return;
        }
        VideoTrack previous;
        synchronized (lock) {
            if (closed || (videoTrack != null && videoTrack.getId().equals(video.getId()))) {
                return;
            }
            previous = videoTrack;
            videoTrack = video;
        }
        if (previous != null) {
            previous.removeSink(sink);
        }
        video.addSink(sink);
    }

    /** Runs on a decoder thread: nothing may escape into native code, and every frame must be released. */
    private void onVideoFrame(VideoFrame frame) {
        IN_FRAME_CALLBACK.set(true);
        try {
            if (!closed) {
                I420Buffer buffer = frame.buffer.toI420();
                try {
                    listener.onFrame(new I420Planes(buffer.getWidth(), buffer.getHeight(), buffer.getDataY(), buffer.getStrideY(),
                            buffer.getDataU(), buffer.getStrideU(), buffer.getDataV(), buffer.getStrideV()));
                } finally {
                    if (buffer != frame.buffer) {
                        buffer.release();
                    }
                }
            }
        } catch (Throwable e) {
            LOG.warn("frame listener failed", e);
        } finally {
            IN_FRAME_CALLBACK.set(false);
            frame.release();
        }
    }

    /**
     * Reports the connection state, but as disconnected as soon as ICE alone says so: the standard connection state
     * follows ICE only after several seconds, while ICE drops at once when the remote peer closes its connection.
     */
    private void reportState() {
        IngestState state = connectionState == RTCPeerConnectionState.CONNECTED && iceDown ? IngestState.DISCONNECTED
                : connectionState == RTCPeerConnectionState.NEW ? null : IngestState.valueOf(connectionState.name());
        if (state == null || state == reportedState) {
            return;
        }
        reportedState = state;
        deliver(() -> {
            if (!closed) {
                listener.onConnectionState(state);
            }
        });
    }

    /** Hands work to the event thread; once the runtime shut it down, runs it here (only completions remain then). */
    private void deliver(Runnable task) {
        try {
            events.execute(task);
        } catch (RejectedExecutionException e) {
            task.run();
        }
    }

    private final class SetObserver implements SetSessionDescriptionObserver {
        private final CompletableFuture<Void> done;

        SetObserver(CompletableFuture<Void> done) {
            this.done = done;
        }

        @Override
        public void onSuccess() {
            deliver(() -> done.complete(null));
        }

        @Override
        public void onFailure(String error) {
            deliver(() -> done.completeExceptionally(new IllegalStateException("session description rejected: " + error)));
        }
    }

    private final class Observer implements PeerConnectionObserver {
        @Override
        public void onIceCandidate(RTCIceCandidate candidate) {
            IceCandidate local = new IceCandidate(candidate.sdpMid, candidate.sdpMLineIndex, candidate.sdp);
            deliver(() -> {
                if (!closed) {
                    listener.onLocalCandidate(local);
                }
            });
        }

        @Override
        public void onIceGatheringChange(RTCIceGatheringState state) {
            if (state == RTCIceGatheringState.COMPLETE) {
                deliver(() -> gathered.complete(null));
            }
        }

        @Override
        public void onIceConnectionChange(RTCIceConnectionState state) {
            synchronized (lock) {
                iceDown = state == RTCIceConnectionState.DISCONNECTED || state == RTCIceConnectionState.FAILED;
                reportState();
            }
        }

        @Override
        public void onConnectionChange(RTCPeerConnectionState state) {
            synchronized (lock) {
                connectionState = state;
                reportState();
            }
        }

        @Override
        public void onTrack(RTCRtpTransceiver transceiver) {
            IngestPeer.this.onTrack(transceiver.getReceiver().getTrack());
        }
    }
}
