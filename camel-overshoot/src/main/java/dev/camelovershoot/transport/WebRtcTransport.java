package dev.camelovershoot.transport;

import dev.camelovershoot.client.OvershootException;
import dev.camelovershoot.client.wire.Source;
import dev.camelovershoot.client.wire.StreamCreated;
import dev.camelovershoot.client.wire.TurnServer;
import dev.camelovershoot.media.FrameRateCap;
import dev.camelovershoot.media.I420Frame;
import dev.camelovershoot.transport.rtc.FrameBridge;
import dev.camelovershoot.transport.rtc.WebRtcRuntime;
import dev.onvoid.webrtc.RTCIceCandidate;
import dev.onvoid.webrtc.RTCIceServer;
import dev.onvoid.webrtc.RTCPeerConnectionState;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Legacy WebRTC: the offer (with its candidates, since this API has no trickle) travels in the create request and
 * the service answers it. These streams neither reconnect nor survive a service deploy: a lost connection is
 * reported as a failure.
 */
public final class WebRtcTransport implements VideoTransport {

    private final WebRtcRuntime runtime;
    private final TransportSettings settings;
    private final FrameBridge bridge;
    private final FrameRateCap cap;
    private volatile PublisherPeer peer;
    private volatile Consumer<OvershootException> failures = e -> { };
    private volatile boolean live;

    public WebRtcTransport(WebRtcRuntime runtime, TransportSettings settings) {
        this.runtime = runtime;
        this.settings = settings;
        this.bridge = runtime.createFrameBridge("TR_" + UUID.randomUUID());
        this.cap = new FrameRateCap(settings.publishFps());
    }

    @Override
    public CompletableFuture<Source> prepare() {
        PublisherPeer next = new PublisherPeer(runtime.factory(), settings.iceServers(), bridge.track(),
                settings.codec(), new Events());
        peer = next;
        return next.offerWithCandidates().orTimeout(settings.timeout().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                .thenApply(Source::webRtc);
    }

    @Override
    public CompletableFuture<Void> connect(StreamCreated created, Consumer<OvershootException> onFailure) {
        PublisherPeer current = peer;
        if (created.webrtc() == null || current == null) {
            return CompletableFuture.failedFuture(new TransportException(
                    "The service returned no WebRTC answer for stream " + created.streamId(), null));
        }
        failures = onFailure;
        if (created.turnServers() != null && !created.turnServers().isEmpty()) {
            List<RTCIceServer> servers = new java.util.ArrayList<>(settings.iceServers());
            created.turnServers().forEach(t -> servers.add(iceServer(t)));
            current.useIceServers(servers);
        }
        return current.applyAnswer(created.webrtc().sdp())
                .thenRun(() -> live = true)
                .exceptionallyCompose(e -> CompletableFuture.failedFuture(
                        new TransportException("The service's WebRTC answer was not accepted: " + e.getMessage(), e)));
    }

    @Override
    public CompletableFuture<Void> disconnect() {
        live = false;
        PublisherPeer current = peer;
        peer = null;
        if (current != null) {
            current.close();
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public boolean publish(I420Frame frame) {
        return live && cap.admit(frame.timestampNanos()) && bridge.push(frame);
    }

    @Override
    public void close() {
        disconnect();
        bridge.close();
    }

    private static RTCIceServer iceServer(TurnServer turn) {
        RTCIceServer ice = new RTCIceServer();
        ice.urls = List.copyOf(turn.urls());
        ice.username = turn.username();
        ice.password = turn.credential();
        return ice;
    }

    private final class Events implements PublisherPeer.Listener {
        @Override
        public void onLocalCandidate(RTCIceCandidate candidate) {
            // gathered into the offer: legacy Overshoot WebRTC has no trickle
        }

        @Override
        public void onConnectionChange(RTCPeerConnectionState state) {
            if (live && state == RTCPeerConnectionState.FAILED) {
                live = false;
                failures.accept(new TransportException("The WebRTC connection to the service was lost (" + state
                        + "); legacy WebRTC streams cannot reconnect, use the native transport for that", null));
            }
        }
    }
}
