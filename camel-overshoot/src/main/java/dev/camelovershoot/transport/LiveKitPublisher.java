package dev.camelovershoot.transport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelovershoot.livekit.LiveKitException;
import dev.camelovershoot.livekit.SignalClient;
import dev.camelovershoot.livekit.SignalListener;
import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.RTCIceCandidate;
import dev.onvoid.webrtc.RTCIceServer;
import dev.onvoid.webrtc.RTCPeerConnectionState;
import dev.onvoid.webrtc.media.video.VideoTrack;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import livekit.LivekitModels.TrackSource;
import livekit.LivekitModels.TrackType;
import livekit.LivekitModels.VideoLayer;
import livekit.LivekitModels.VideoQuality;
import livekit.LivekitRtc.AddTrackRequest;
import livekit.LivekitRtc.JoinResponse;
import livekit.LivekitRtc.LeaveRequest;
import livekit.LivekitRtc.SimulcastCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A LiveKit participant that publishes one video track: join, {@code add_track}, offer/answer, trickle ICE; on a
 * signal loss it resumes the session (ICE restart), and when that fails, or the server asks, it rejoins and
 * republishes. Gives up after the retry schedule, reporting through {@code failures}.
 */
public final class LiveKitPublisher implements BridgedTransport.Connection {

    private static final Logger LOG = LoggerFactory.getLogger(LiveKitPublisher.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** livekit-client's reconnect schedule, in milliseconds. */
    private static final long[] RETRY_DELAYS_MS = {0, 300, 1200, 2700, 4800, 7000, 7000, 7000, 7000, 7000};

    private final PeerConnectionFactory factory;
    private final Settings settings;
    private final Consumer<LiveKitException> failures;
    private final SignalClient signal;
    private final ExecutorService control;
    private final VideoTrack track;
    private final String url;
    private volatile PublisherPeer peer;
    private volatile CompletableFuture<Void> connected = new CompletableFuture<>();
    private volatile JoinResponse joined;
    private volatile boolean closed;
    private final AtomicBoolean recovering = new AtomicBoolean();

    /**
     * What to publish.
     *
     * @param codec    {@code vp8} or {@code h264}
     * @param width    announced track width
     * @param height   announced track height
     * @param timeout  bound for each signalling step and for the peer connection to connect
     */
    public record Settings(String codec, int width, int height, List<RTCIceServer> iceServers, Duration timeout) {
    }

    /**
     * @param track   the video to publish; it stays the caller's and outlives rejoins
     * @param threads makes the publisher's and its signal client's threads; {@code null}: their own named ones
     */
    public LiveKitPublisher(HttpClient http, PeerConnectionFactory factory, VideoTrack track, String url,
                            Settings settings, Consumer<LiveKitException> failures, ThreadFactory threads) {
        this.factory = factory;
        this.track = track;
        this.url = url;
        this.settings = settings;
        this.failures = failures;
        this.signal = threads == null ? new SignalClient(http, new Events(), settings.timeout())
                : new SignalClient(http, new Events(), settings.timeout(), threads);
        this.control = Executors.newSingleThreadExecutor(r -> {
            Thread t = threads == null ? new Thread(r, "livekit-publisher") : threads.newThread(r);
            t.setDaemon(true);
            return t;
        });
    }

    /** Joins with {@code token} and publishes; completes when media can flow. */
    public CompletableFuture<Void> start(String token) {
        return CompletableFuture.runAsync(() -> join(token), control);
    }

    /** The current peer connection; replaced by a full rejoin. */
    public PublisherPeer peer() {
        return peer;
    }

    /** The newest token: from the join, a keepalive or the LiveKit server; used by the next resume or rejoin. */
    public String token() {
        return signal.token();
    }

    /** A fresh token (from an Overshoot keepalive) for later resumes and rejoins. */
    public void updateToken(String token) {
        signal.updateToken(token);
    }

    /** Test hook and network-change stand-in: drops the signal socket, which triggers a resume. */
    public void dropSignal() {
        signal.dropConnection();
    }

    /** Leaves the room and releases the peer connection. Safe to call twice. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        control.shutdownNow();
        signal.close();
        PublisherPeer current = peer;
        if (current != null) {
            current.close();
        }
    }

    private void join(String token) {
        closePeer();
        joined = signal.join(url, token);
        List<RTCIceServer> servers = new ArrayList<>(settings.iceServers());
        joined.getIceServersList().forEach(s -> servers.add(iceServer(s)));
        connected = new CompletableFuture<>();
        peer = new PublisherPeer(factory, servers, track, settings.codec(), new PeerEvents());
        await(signal.addTrack(addTrackRequest()), "track_published");
        negotiate(false);
        await(connected, "peer connection");
        LOG.info("Publishing video to LiveKit room {} as {}", joined.getRoom().getName(),
                joined.getParticipant().getIdentity());
    }

    private void resume() {
        signal.resume(url, joined.getParticipant().getSid(), joined.getPingInterval(), joined.getPingTimeout());
        negotiate(true);
        if (peer.state() != RTCPeerConnectionState.CONNECTED) {
            connected = new CompletableFuture<>();
            await(connected, "peer connection after resume");
        }
        LOG.info("Resumed the LiveKit session");
    }

    private void negotiate(boolean iceRestart) {
        String offer = await(peer.offer(iceRestart), "offer");
        await(peer.applyAnswer(await(signal.offer(offer), "answer").getSdp()), "answer");
    }

    /** Resume first (unless told to rejoin), rejoin when resume fails; retried on livekit-client's schedule. */
    private void recover(boolean rejoin) {
        for (long delay : RETRY_DELAYS_MS) {
            if (closed || !pause(delay)) {
                return;
            }
            try {
                if (rejoin) {
                    join(signal.token());
                } else {
                    resume();
                }
                return;
            } catch (LiveKitException e) {
                if (e.tokenRejected()) {
                    failures.accept(e);
                    return;
                }
                LOG.info("LiveKit {} failed: {}", rejoin ? "rejoin" : "resume", e.getMessage());
                rejoin = true;
            } catch (RuntimeException e) {
                LOG.info("LiveKit reconnect attempt failed: {}", e.toString());
                rejoin = true;
            }
        }
        failures.accept(new LiveKitException("Lost the LiveKit connection and could not restore it after "
                + RETRY_DELAYS_MS.length + " attempts"));
    }

    /** Several signs of one loss (signal gone, peer failed) start one recovery. */
    private void recoverLater(boolean rejoin) {
        if (!closed && recovering.compareAndSet(false, true)) {
            control.execute(() -> {
                try {
                    recover(rejoin);
                } finally {
                    recovering.set(false);
                }
            });
        }
    }

    private AddTrackRequest addTrackRequest() {
        String cid = track.getId();
        return AddTrackRequest.newBuilder().setCid(cid).setName("video").setType(TrackType.VIDEO)
                .setSource(TrackSource.CAMERA).setWidth(settings.width()).setHeight(settings.height())
                .addLayers(VideoLayer.newBuilder().setQuality(VideoQuality.HIGH)
                        .setWidth(settings.width()).setHeight(settings.height()))
                .addSimulcastCodecs(SimulcastCodec.newBuilder().setCodec(settings.codec()).setCid(cid))
                .build();
    }

    private <T> T await(CompletableFuture<T> future, String what) {
        try {
            return future.get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new LiveKitException("Timed out waiting for the LiveKit " + what);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof LiveKitException lk ? lk
                    : new LiveKitException("LiveKit " + what + " failed: " + e.getCause().getMessage(), -1, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LiveKitException("Interrupted while waiting for the LiveKit " + what);
        }
    }

    private static boolean pause(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void closePeer() {
        PublisherPeer old = peer;
        if (old != null) {
            peer = null;
            old.close();
        }
    }

    private static RTCIceServer iceServer(livekit.LivekitRtc.ICEServer server) {
        RTCIceServer ice = new RTCIceServer();
        ice.urls = List.copyOf(server.getUrlsList());
        ice.username = server.getUsername();
        ice.password = server.getCredential();
        return ice;
    }

    /** Signal events arrive on the signal client's thread; anything slow goes to the control thread. */
    private final class Events implements SignalListener {
        @Override
        public void onRemoteCandidate(String candidateInitJson) {
            PublisherPeer current = peer;
            if (current == null) {
                return;
            }
            try {
                JsonNode c = JSON.readTree(candidateInitJson);
                current.addRemoteCandidate(new RTCIceCandidate(c.path("sdpMid").asText(),
                        c.path("sdpMLineIndex").asInt(), c.path("candidate").asText()));
            } catch (java.io.IOException e) {
                LOG.warn("Skipping a malformed ICE candidate from the LiveKit server");
            }
        }

        @Override
        public void onLeave(LeaveRequest leave) {
            switch (leave.getAction()) {
                case RESUME -> recoverLater(false);
                case RECONNECT -> recoverLater(true);
                default -> failures.accept(new LiveKitException("The LiveKit server ended the session: "
                        + leave.getReason()));
            }
        }

        @Override
        public void onSignalLost(String reason) {
            recoverLater(false);
        }
    }

    private final class PeerEvents implements PublisherPeer.Listener {
        @Override
        public void onLocalCandidate(RTCIceCandidate candidate) {
            try {
                signal.trickle(JSON.createObjectNode().put("candidate", candidate.sdp)
                        .put("sdpMid", candidate.sdpMid).put("sdpMLineIndex", candidate.sdpMLineIndex).toString());
            } catch (LiveKitException e) {
                LOG.debug("Dropping a local ICE candidate while the signal is down; the next offer carries new ones");
            }
        }

        @Override
        public void onConnectionChange(RTCPeerConnectionState state) {
            if (state == RTCPeerConnectionState.CONNECTED) {
                connected.complete(null);
            } else if (state == RTCPeerConnectionState.FAILED && !closed) {
                connected.completeExceptionally(new LiveKitException("ICE failed: no network path to the LiveKit server"
                        + " (check firewalls, or configure TURN servers with iceServers)"));
                recoverLater(true);
            }
        }
    }
}
