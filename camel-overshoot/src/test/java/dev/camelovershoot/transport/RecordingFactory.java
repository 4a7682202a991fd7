package dev.camelovershoot.transport;

import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.PeerConnectionObserver;
import dev.onvoid.webrtc.RTCConfiguration;
import dev.onvoid.webrtc.RTCIceCandidate;
import dev.onvoid.webrtc.RTCIceGatheringState;
import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCPeerConnectionState;
import dev.onvoid.webrtc.RTCRtpCapabilities;
import dev.onvoid.webrtc.RTCRtpCodecCapability;
import dev.onvoid.webrtc.media.MediaType;
import dev.onvoid.webrtc.media.audio.HeadlessAudioDeviceModule;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A real peer connection factory that records the connections it creates (so a test can check each was closed), and
 * can hold a creation until the creating thread is interrupted, hold back a connection's CONNECTED, or announce
 * codecs libwebrtc does not have.
 * Load the natives first (any {@code WebRtcRuntime.factory()} call does).
 */
final class RecordingFactory extends PeerConnectionFactory {

    private final HeadlessAudioDeviceModule audio;
    private final List<RTCPeerConnection> created = new CopyOnWriteArrayList<>();
    private final CountDownLatch creating = new CountDownLatch(1);
    private volatile boolean holdUntilInterrupted;
    private volatile List<RTCRtpCodecCapability> senderCodecs;
    private volatile boolean holdConnected;
    private final CountDownLatch connectedHeld = new CountDownLatch(1);
    private volatile Runnable heldConnected = () -> { };

    private RecordingFactory(HeadlessAudioDeviceModule audio) {
        super(audio);
        this.audio = audio;
    }

    static RecordingFactory create() {
        return new RecordingFactory(new HeadlessAudioDeviceModule());
    }

    /** The next creations wait (at most 10 s) until their thread is interrupted, as close() does to a join. */
    void holdCreationsUntilInterrupted() {
        holdUntilInterrupted = true;
    }

    /** Announces these sender codecs instead of libwebrtc's own. */
    void announceSenderCodecs(List<RTCRtpCodecCapability> codecs) {
        senderCodecs = codecs;
    }

    /**
     * CONNECTED is held back until {@link #releaseConnected()}, which delivers it from the caller's thread (never
     * blocking libwebrtc's signalling thread, which other calls wait for).
     */
    void holdConnected() {
        holdConnected = true;
    }

    boolean connectedHeld() {
        return connectedHeld.getCount() == 0;
    }

    void releaseConnected() {
        heldConnected.run();
    }

    boolean awaitCreating() throws InterruptedException {
        return creating.await(10, TimeUnit.SECONDS);
    }

    List<RTCPeerConnection> created() {
        return created;
    }

    @Override
    public RTCPeerConnection createPeerConnection(RTCConfiguration config, PeerConnectionObserver observer) {
        creating.countDown();
        if (holdUntilInterrupted) {
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                // released: go on creating, as a join past its last interruptible step would
            }
        }
        RTCPeerConnection pc = super.createPeerConnection(config, holdConnected ? new Holding(observer) : observer);
        created.add(pc);
        return pc;
    }

    @Override
    public RTCRtpCapabilities getRtpSenderCapabilities(MediaType type) {
        List<RTCRtpCodecCapability> codecs = senderCodecs;
        RTCRtpCapabilities real = super.getRtpSenderCapabilities(type);
        return codecs == null ? real : new RTCRtpCapabilities(codecs, real.getHeaderExtensions());
    }

    /** Passes on what PublisherPeer listens to, holding CONNECTED back until released. */
    private final class Holding implements PeerConnectionObserver {
        private final PeerConnectionObserver target;

        Holding(PeerConnectionObserver target) {
            this.target = target;
        }

        @Override
        public void onIceCandidate(RTCIceCandidate candidate) {
            target.onIceCandidate(candidate);
        }

        @Override
        public void onIceGatheringChange(RTCIceGatheringState state) {
            target.onIceGatheringChange(state);
        }

        @Override
        public void onConnectionChange(RTCPeerConnectionState state) {
            if (state == RTCPeerConnectionState.CONNECTED && connectedHeld.getCount() > 0) {
                heldConnected = () -> target.onConnectionChange(state);
                connectedHeld.countDown();
                return;
            }
            target.onConnectionChange(state);
        }
    }

    /** Disposes the factory, then its audio module. */
    @Override
    public void dispose() {
        super.dispose();
        audio.dispose();
    }
}
