package dev.camelovershoot.transport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelovershoot.client.ReconnectPolicy;
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
 * republishes, with the newest token, backing off by its {@link ReconnectPolicy} for as long as it is open (by
 * default). Only what a retry cannot fix is reported through {@code failures}: the token refused while no newer one
 * came, the room gone from the server (a new stream is needed), a {@code leave} that is not RESUME or RECONNECT, or
 * a spent attempt budget.
 */
public final class LiveKitPublisher implements BridgedTransport.Connection {

    private static final Logger LOG = LoggerFactory.getLogger(LiveKitPublisher.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Resumes (ICE restarts) of one peer connection before a recovery rejoins with a new one instead: libwebrtc keeps
     * the sockets of every ICE restart's candidates open while the far end still answers on them, until the
     * connection closes, so resuming one connection for ever would add sockets without end. Not fewer: webrtc-java
     * 0.14.0 never frees a closed peer connection's native object (upstream issue 239), so each rejoin costs memory.
     */
    static final int RESUMES_PER_PEER = 8;

    private final PeerConnectionFactory factory;
    private final Settings settings;
    private final Consumer<LiveKitException> failures;
    private final SignalClient signal;
    private final ExecutorService control;
    private volatile Thread controlThread;
    private final VideoTrack track;
    private final String url;
    /** Guarded by {@code this} when written, so that close() and a join in progress cannot both miss it. */
    private volatile PublisherPeer peer;
    private volatile CompletableFuture<Void> connected = new CompletableFuture<>();
    private volatile JoinResponse joined;
    private volatile boolean closed;
    private volatile boolean gaveUp;
    /** Resumes of the current peer connection; confined to the control thread. */
    private int resumesOfPeer;
    private final AtomicBoolean recovering = new AtomicBoolean();
    /** A loss reported while a join or recovery ran: checked when it ends, so that no loss goes unanswered. */
    private final AtomicBoolean lossWhileRecovering = new AtomicBoolean();

    /**
     * What to publish.
     *
     * @param codec    {@code vp8} or {@code h264}
     * @param width    announced track width
     * @param height   announced track height
     * @param timeout  bound for each signalling step and for the peer connection to connect
     * @param reconnect backoff between resume and rejoin attempts, and their budget
     * @param reconnects told of each resume and rejoin attempt after a loss, and of each join tried again
     */
    public record Settings(String codec, int width, int height, List<RTCIceServer> iceServers, Duration timeout,
                           ReconnectPolicy reconnect, ReconnectListener reconnects) {

        /** Settings that tell no one of reconnects. */
        public Settings(String codec, int width, int height, List<RTCIceServer> iceServers, Duration timeout,
                        ReconnectPolicy reconnect) {
            this(codec, width, height, iceServers, timeout, reconnect, ReconnectListener.NONE);
        }
    }

    /** A publisher whose threads are its own ({@code livekit-publisher}, {@code livekit-signal-<n>}). */
    public LiveKitPublisher(HttpClient http, PeerConnectionFactory factory, VideoTrack track, String url,
                            Settings settings, Consumer<LiveKitException> failures) {
        this(http, factory, track, url, settings, failures, null);
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
            controlThread = t;
            return t;
        });
    }

    /**
     * Joins with {@code token} and publishes; completes when media can flow. A transient failure is retried like a
     * lost connection; the future fails with what a retry cannot fix.
     */
    public CompletableFuture<Void> start(String token) {
        signal.updateToken(token);
        recovering.set(true);
        return CompletableFuture.runAsync(() -> {
            try {
                LiveKitException failure = restore(true, false);
                if (failure != null) {
                    gaveUp = true;
                    throw failure;
                }
                if (closed) {
                    throw new LiveKitException("The LiveKit publisher was closed before it joined");
                }
            } finally {
                recovered();
            }
        }, control);
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

    /** Whether the signal connection is up (a lost one is being resumed or rejoined while this is false). */
    public boolean signalConnected() {
        return signal.connected();
    }

    /** Test hook and network-change stand-in: drops the signal socket, which triggers a resume. */
    public void dropSignal() {
        signal.dropConnection();
    }

    /**
     * Leaves the room and releases the peer connection, also one that a join in progress is creating: returns once
     * nothing of this publisher uses the track any more (bounded by the step timeout). Safe to call twice.
     */
    @Override
    public void close() {
        PublisherPeer current;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            current = peer;
            peer = null;
        }
        control.shutdownNow();
        signal.close();
        if (current != null) {
            current.close();
        }
        awaitControl();
    }

    private void join(String token) {
        closePeer();
        joined = signal.join(url, token);
        List<RTCIceServer> servers = new ArrayList<>(settings.iceServers());
        joined.getIceServersList().forEach(s -> servers.add(iceServer(s)));
        connected = new CompletableFuture<>();
        adopt(new PublisherPeer(factory, servers, track, settings.codec(), new PeerEvents()));
        resumesOfPeer = 0;
        await(signal.addTrack(addTrackRequest()), "track_published");
        negotiate(false);
        await(connected, "peer connection");
        LOG.info("Publishing video to LiveKit room {} as {}", joined.getRoom().getName(),
                joined.getParticipant().getIdentity());
    }

    private void resume() {
        // set before negotiating, so that a CONNECTED arriving before the check below is not missed
        CompletableFuture<Void> reconnected = new CompletableFuture<>();
        connected = reconnected;
        resumesOfPeer++;
        signal.resume(url, joined.getParticipant().getSid(), joined.getPingInterval(), joined.getPingTimeout());
        negotiate(true);
        if (peer.state() == RTCPeerConnectionState.CONNECTED) {
            reconnected.complete(null);
        }
        await(reconnected, "peer connection after resume");
        LOG.info("Resumed the LiveKit session");
    }

    private void negotiate(boolean iceRestart) {
        String offer = await(peer.offer(iceRestart), "offer");
        await(peer.applyAnswer(await(signal.offer(offer), "answer").getSdp()), "answer");
    }

    /**
     * Resume first (unless told to rejoin, or never joined), rejoin once a resume failed. The first attempt starts at
     * once, as livekit-client's does; later ones wait as the policy says. Each attempt uses the newest token, so a
     * token refused while a newer one arrived is retried at once.
     *
     * @param lost whether a connection was lost (then every attempt is a reconnect; else all but the first join)
     * @return what a retry cannot fix, or null when connected (or closed)
     */
    private LiveKitException restore(boolean rejoin, boolean lost) {
        ReconnectPolicy policy = settings.reconnect();
        long delay = 0;
        for (int attempt = 0; !closed; attempt++) {
            if (policy.exhausted(attempt)) {
                return new LiveKitException("Could not connect to the LiveKit room in " + attempt + " attempts");
            }
            if (!pause(delay)) {
                return null;
            }
            String token = signal.token();
            rejoin |= joined == null || peer == null || worn();
            String what = rejoin ? "join" : "resume";
            if (lost || attempt > 0) {
                settings.reconnects().onReconnect(rejoin ? ReconnectListener.Reconnect.LIVEKIT_REJOIN
                        : ReconnectListener.Reconnect.LIVEKIT_RESUME);
            }
            try {
                if (rejoin) {
                    join(token);
                } else {
                    resume();
                }
                if (attempt > 0) {
                    LOG.info("LiveKit {} attempt {} succeeded", what, policy.describe(attempt + 1));
                }
                return null;
            } catch (RuntimeException e) {
                if (closed) {
                    return null;
                }
                LiveKitException lk = e instanceof LiveKitException k ? k : null;
                boolean newerToken = lk != null && lk.tokenRejected() && signal.newerTokenThanAttempted();
                if (lk != null && lk.permanent() && !newerToken) {
                    LOG.warn("LiveKit {} attempt {} failed for good: {}", what, policy.describe(attempt + 1),
                            e.getMessage());
                    return lk;
                }
                delay = newerToken ? 0 : policy.delayBefore(attempt).toMillis();
                LOG.info("LiveKit {} attempt {} failed: {}; next attempt in {} ms{}", what,
                        policy.describe(attempt + 1), lk != null ? e.getMessage() : e.toString(), delay,
                        newerToken ? " with the newer token" : "");
                rejoin = true;
            }
        }
        return null;
    }

    /**
     * Several signs of one loss (signal gone, peer failed) start one recovery. A loss reported while a join or a
     * recovery runs is looked at when it ends: its signal pings stopped with the loss, so nothing else would.
     */
    private void recoverLater(boolean rejoin) {
        if (closed) {
            return;
        }
        if (!recovering.compareAndSet(false, true)) {
            lossWhileRecovering.set(true);
            return;
        }
        control.execute(() -> {
            try {
                LiveKitException failure = restore(rejoin, true);
                if (failure != null) {
                    gaveUp = true;
                    failures.accept(failure);
                }
            } finally {
                recovered();
            }
        });
    }

    private void recovered() {
        recovering.set(false);
        if (!lossWhileRecovering.getAndSet(false) || closed || gaveUp || joined == null) {
            return;
        }
        PublisherPeer current = peer;
        boolean peerFailed = current == null || current.state() == RTCPeerConnectionState.FAILED;
        if (peerFailed || !signal.connected()) {
            LOG.info("The LiveKit connection was lost while connecting; {}", peerFailed ? "rejoining" : "resuming");
            recoverLater(peerFailed);
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

    /** Whether the current peer connection was resumed often enough: the next recovery replaces it. */
    private boolean worn() {
        if (resumesOfPeer < RESUMES_PER_PEER) {
            return false;
        }
        LOG.info("Rejoining with a new peer connection instead of resuming the current one again: it was resumed {}"
                + " times, and each resume's ICE restart leaves sockets open until the connection closes",
                resumesOfPeer);
        return true;
    }

    private void closePeer() {
        PublisherPeer old;
        synchronized (this) {
            old = peer;
            peer = null;
        }
        if (old != null) {
            old.close();
        }
    }

    /** Makes a new peer current, unless close() came first: then it is released here, since close() missed it. */
    private void adopt(PublisherPeer next) {
        synchronized (this) {
            if (!closed) {
                peer = next;
                return;
            }
        }
        next.close();
        throw new LiveKitException("The LiveKit publisher was closed while joining");
    }

    /** Waits for a join in progress to let go of the track, unless close() runs on the control thread itself. */
    private void awaitControl() {
        if (Thread.currentThread() == controlThread) {
            return;
        }
        try {
            if (!control.awaitTermination(settings.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("The LiveKit publisher thread did not stop within {} s", settings.timeout().toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
            if (closed) {
                return;
            }
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
