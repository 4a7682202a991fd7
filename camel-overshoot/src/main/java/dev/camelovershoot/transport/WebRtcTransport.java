package dev.camelovershoot.transport;

import dev.camelovershoot.client.OvershootException;
import dev.camelovershoot.client.wire.Source;
import dev.camelovershoot.client.wire.StreamCreated;
import dev.camelovershoot.client.wire.TurnServer;
import dev.camelovershoot.transport.rtc.WebRtcRuntime;
import dev.onvoid.webrtc.RTCIceCandidate;
import dev.onvoid.webrtc.RTCIceServer;
import dev.onvoid.webrtc.RTCPeerConnectionState;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Legacy WebRTC: the offer (with its candidates, since this API has no trickle) travels in the create request and
 * the service answers it. These streams neither reconnect nor survive a service deploy: a lost connection is
 * released at once and reported as a failure.
 */
public final class WebRtcTransport extends BridgedTransport<PublisherPeer> {

    private volatile Consumer<OvershootException> failures = e -> { };

    public WebRtcTransport(WebRtcRuntime runtime, TransportSettings settings) {
        super(runtime, settings);
    }

    @Override
    public CompletableFuture<Source> prepare() {
        Events events = new Events();
        PublisherPeer next = new PublisherPeer(runtime.factory(), settings.iceServers(), track(), settings.codec(),
                events);
        events.peer = next;
        // a create request retried after a failure prepares again: the earlier offer's peer is closed here
        connection(next);
        return next.offerWithCandidates().orTimeout(settings.timeout().toMillis(), TimeUnit.MILLISECONDS)
                .thenApply(Source::webRtc);
    }

    @Override
    public CompletableFuture<Void> connect(StreamCreated created, Consumer<OvershootException> onFailure) {
        PublisherPeer current = connection();
        if (created.webrtc() == null || current == null) {
            return CompletableFuture.failedFuture(new TransportException(
                    "The service returned no WebRTC answer for stream " + created.streamId(), null));
        }
        failures = onFailure;
        if (created.turnServers() != null && !created.turnServers().isEmpty()) {
            List<RTCIceServer> servers = new ArrayList<>(settings.iceServers());
            created.turnServers().forEach(t -> servers.add(iceServer(t)));
            current.useIceServers(servers);
        }
        return current.applyAnswer(created.webrtc().sdp())
                .thenRun(() -> live(true))
                .exceptionallyCompose(e -> CompletableFuture.failedFuture(
                        new TransportException("The service's WebRTC answer was not accepted: " + e.getMessage(), e)));
    }

    private static RTCIceServer iceServer(TurnServer turn) {
        RTCIceServer ice = new RTCIceServer();
        ice.urls = List.copyOf(turn.urls());
        ice.username = turn.username();
        ice.password = turn.credential();
        return ice;
    }

    private final class Events implements PublisherPeer.Listener {
        private volatile PublisherPeer peer;

        @Override
        public void onLocalCandidate(RTCIceCandidate candidate) {
            // gathered into the offer: legacy Overshoot WebRTC has no trickle
        }

        @Override
        public void onConnectionChange(RTCPeerConnectionState state) {
            if (isLive() && state == RTCPeerConnectionState.FAILED && peer == connection()) {
                release(peer);
                settings.reconnects().onReconnect(ReconnectListener.Reconnect.WEBRTC);
                failures.accept(new TransportException("The WebRTC connection to the service was lost (" + state
                        + "); legacy WebRTC streams cannot reconnect, use the native transport for that", null));
            }
        }
    }
}
