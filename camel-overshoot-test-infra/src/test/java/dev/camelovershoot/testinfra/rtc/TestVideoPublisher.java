package dev.camelovershoot.testinfra.rtc;

import dev.camelovershoot.testinfra.inference.Palette;
import dev.onvoid.webrtc.CreateSessionDescriptionObserver;
import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.PeerConnectionObserver;
import dev.onvoid.webrtc.RTCConfiguration;
import dev.onvoid.webrtc.RTCIceCandidate;
import dev.onvoid.webrtc.RTCOfferOptions;
import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCPeerConnectionState;
import dev.onvoid.webrtc.RTCRtpTransceiver;
import dev.onvoid.webrtc.RTCRtpTransceiverDirection;
import dev.onvoid.webrtc.RTCRtpTransceiverInit;
import dev.onvoid.webrtc.RTCSdpType;
import dev.onvoid.webrtc.RTCSessionDescription;
import dev.onvoid.webrtc.SetSessionDescriptionObserver;
import dev.onvoid.webrtc.media.video.CustomVideoSource;
import dev.onvoid.webrtc.media.video.NativeI420Buffer;
import dev.onvoid.webrtc.media.video.VideoFrame;
import dev.onvoid.webrtc.media.video.VideoTrack;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A webrtc-java client that sends one video track of solid-colour frames: what a legacy Overshoot client or a
 * LiveKit publisher does with its camera, for tests.
 */
public final class TestVideoPublisher implements AutoCloseable {

    private static final int WIDTH = 320;
    private static final int HEIGHT = 240;

    private final RTCPeerConnection connection;
    private final CustomVideoSource source = new CustomVideoSource();
    private final VideoTrack track;
    private final RTCRtpTransceiver transceiver;
    private final ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
    private final CompletableFuture<Void> connected = new CompletableFuture<>();
    private volatile String colour = "black";
    private volatile Consumer<IceCandidate> candidates = c -> { };

    TestVideoPublisher(PeerConnectionFactory factory, String trackId) {
        connection = factory.createPeerConnection(new RTCConfiguration(), new Observer());
        track = factory.createVideoTrack(trackId, source);
        RTCRtpTransceiverInit init = new RTCRtpTransceiverInit();
        init.direction = RTCRtpTransceiverDirection.SEND_ONLY;
        init.streamIds = List.of("camera");
        transceiver = connection.addTransceiver(track, init);
    }

    /** Trickles local candidates to {@code sink} from now on. */
    public void onCandidate(Consumer<IceCandidate> sink) {
        candidates = sink;
    }

    /** Creates an offer and applies it locally (without waiting for candidates, like the Overshoot JS SDK). */
    public String createOffer(boolean iceRestart) throws Exception {
        RTCOfferOptions options = new RTCOfferOptions();
        options.iceRestart = iceRestart;
        CompletableFuture<RTCSessionDescription> offer = new CompletableFuture<>();
        connection.createOffer(options, new CreateSessionDescriptionObserver() {
            @Override
            public void onSuccess(RTCSessionDescription description) {
                offer.complete(description);
            }

            @Override
            public void onFailure(String error) {
                offer.completeExceptionally(new IllegalStateException(error));
            }
        });
        RTCSessionDescription description = offer.get(5, TimeUnit.SECONDS);
        apply(description, true);
        return description.sdp;
    }

    public void applyAnswer(String sdp) throws Exception {
        apply(new RTCSessionDescription(RTCSdpType.ANSWER, sdp), false);
    }

    public void addRemoteCandidate(IceCandidate c) {
        connection.addIceCandidate(new RTCIceCandidate(c.sdpMid(), c.sdpMLineIndex(), c.candidate()));
    }

    public CompletableFuture<Void> connected() {
        return connected;
    }

    /** Starts sending frames of the current colour at 15 fps. */
    public void startSending() {
        pacer.scheduleAtFixedRate(this::pushFrame, 0, 66, TimeUnit.MILLISECONDS);
    }

    public void setColour(String colour) {
        this.colour = colour;
    }

    private void apply(RTCSessionDescription description, boolean local) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        SetSessionDescriptionObserver observer = new SetSessionDescriptionObserver() {
            @Override
            public void onSuccess() {
                done.complete(null);
            }

            @Override
            public void onFailure(String error) {
                done.completeExceptionally(new IllegalStateException(error));
            }
        };
        if (local) {
            connection.setLocalDescription(description, observer);
        } else {
            connection.setRemoteDescription(description, observer);
        }
        done.get(5, TimeUnit.SECONDS);
    }

    private void pushFrame() {
        int[] rgb = Palette.rgb(colour);
        NativeI420Buffer buffer = NativeI420Buffer.allocate(WIDTH, HEIGHT);
        fill(buffer.getDataY(), buffer.getStrideY() * HEIGHT, ((66 * rgb[0] + 129 * rgb[1] + 25 * rgb[2] + 128) >> 8) + 16);
        int chromaBytes = (HEIGHT + 1) / 2;
        fill(buffer.getDataU(), buffer.getStrideU() * chromaBytes, ((-38 * rgb[0] - 74 * rgb[1] + 112 * rgb[2] + 128) >> 8) + 128);
        fill(buffer.getDataV(), buffer.getStrideV() * chromaBytes, ((112 * rgb[0] - 94 * rgb[1] - 18 * rgb[2] + 128) >> 8) + 128);
        VideoFrame frame = new VideoFrame(buffer, System.nanoTime());
        try {
            source.pushFrame(frame);
        } finally {
            frame.release();
        }
    }

    private static void fill(ByteBuffer plane, int length, int value) {
        for (int i = 0; i < length; i++) {
            plane.put(i, (byte) value);
        }
    }

    /** Shutdown order webrtc-java needs: stop frames, remove the track, close, then dispose track and source. */
    @Override
    public void close() {
        pacer.shutdownNow();
        try {
            pacer.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        connection.removeTrack(transceiver.getSender());
        connection.close();
        track.dispose();
        source.dispose();
    }

    private final class Observer implements PeerConnectionObserver {
        @Override
        public void onIceCandidate(RTCIceCandidate candidate) {
            candidates.accept(new IceCandidate(candidate.sdpMid, candidate.sdpMLineIndex, candidate.sdp));
        }

        @Override
        public void onConnectionChange(RTCPeerConnectionState state) {
            if (state == RTCPeerConnectionState.CONNECTED) {
                connected.complete(null);
            }
        }
    }
}
