package dev.camelovershoot.livekit;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import livekit.LivekitModels.DisconnectReason;
import livekit.LivekitRtc.AddTrackRequest;
import livekit.LivekitRtc.JoinRequest;
import livekit.LivekitRtc.JoinResponse;
import livekit.LivekitRtc.LeaveRequest;
import livekit.LivekitRtc.Ping;
import livekit.LivekitRtc.ReconnectResponse;
import livekit.LivekitRtc.SessionDescription;
import livekit.LivekitRtc.SignalRequest;
import livekit.LivekitRtc.SignalResponse;
import livekit.LivekitRtc.TrackPublishedResponse;
import livekit.LivekitRtc.TrickleRequest;
import livekit.LivekitModels.ReconnectReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The signalling half of a publish-only LiveKit participant: join or resume, publish requests, offer/answer
 * matched by offer id, trickle ICE, ping/pong with the server's interval and timeout, and token refresh. Media
 * (the peer connection) belongs to the caller. All listener calls and future completions happen on one event
 * thread, in the order the server sent them.
 */
public final class SignalClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SignalClient.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final HttpClient http;
    private final SignalListener listener;
    private final Duration timeout;
    private final ScheduledExecutorService events;
    private final Map<String, CompletableFuture<TrackPublishedResponse>> pendingTracks = new ConcurrentHashMap<>();
    private final Map<Integer, CompletableFuture<SessionDescription>> pendingAnswers = new ConcurrentHashMap<>();
    private final AtomicInteger offerIds = new AtomicInteger();
    private volatile String token;
    /** The token the last join or resume attempt sent, to tell a refused token from a newer one. */
    private volatile String attemptToken;
    private volatile SignalConnection connection;
    private volatile CompletableFuture<SignalResponse> firstMessage;
    private volatile long lastMessageNanos;
    private volatile boolean connected;
    /** Started by a join or resume (caller's thread), stopped on a loss (event thread). */
    private final AtomicReference<ScheduledFuture<?>> pings = new AtomicReference<>();

    /**
     * @param timeout bound for connecting, for the first server message, and for each request's response
     */
    public SignalClient(HttpClient http, SignalListener listener, Duration timeout) {
        this(http, listener, timeout, r -> new Thread(r, "livekit-signal-" + THREADS.incrementAndGet()));
    }

    /**
     * @param timeout bound for connecting, for the first server message, and for each request's response
     * @param threads makes the event thread (named by it)
     */
    public SignalClient(HttpClient http, SignalListener listener, Duration timeout, ThreadFactory threads) {
        this.http = http;
        this.listener = listener;
        this.timeout = timeout;
        this.events = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = threads.newThread(r);
            t.setDaemon(true);
            return t;
        });
    }

    /** Joins the room the token grants. */
    public JoinResponse join(String url, String accessToken) {
        this.token = accessToken;
        SignalResponse first = connect(url, ClientInfos.join().build(), null);
        if (!first.hasJoin()) {
            throw unexpected(first, "join");
        }
        startPings(first.getJoin().getPingInterval(), first.getJoin().getPingTimeout());
        return first.getJoin();
    }

    /** Resumes the session of {@code participantSid} after a signal loss, with the newest token. */
    public ReconnectResponse resume(String url, String participantSid, int pingInterval, int pingTimeout) {
        SignalResponse first = connect(url, ClientInfos.join().setReconnect(true).setParticipantSid(participantSid)
                .setReconnectReason(ReconnectReason.RR_SIGNAL_DISCONNECTED).build(), participantSid);
        if (!first.hasReconnect()) {
            throw unexpected(first, "reconnect");
        }
        startPings(pingInterval, pingTimeout);
        return first.getReconnect();
    }

    /** Announces a track; completes with the server's {@code track_published} for the same client id. */
    public CompletableFuture<TrackPublishedResponse> addTrack(AddTrackRequest request) {
        CompletableFuture<TrackPublishedResponse> published = pending(pendingTracks, request.getCid());
        failOnSendFailure(send(SignalRequest.newBuilder().setAddTrack(request).build()), published, "add_track");
        return published;
    }

    /** Sends a publisher offer; completes with the answer that echoes its id. */
    public CompletableFuture<SessionDescription> offer(String sdp) {
        int id = offerIds.incrementAndGet();
        CompletableFuture<SessionDescription> answer = pending(pendingAnswers, id);
        failOnSendFailure(send(SignalRequest.newBuilder().setOffer(SessionDescription.newBuilder()
                .setType("offer").setSdp(sdp).setId(id)).build()), answer, "offer");
        return answer;
    }

    /** Sends a local ICE candidate ({@code RTCIceCandidateInit} JSON) for the publisher connection. */
    public void trickle(String candidateInitJson) {
        send(SignalRequest.newBuilder().setTrickle(TrickleRequest.newBuilder()
                .setCandidateInit(candidateInitJson).setTarget(livekit.LivekitRtc.SignalTarget.PUBLISHER)).build());
    }

    /** The newest token: the one joined with, or a later one from the server or {@link #updateToken}. */
    public String token() {
        return token;
    }

    /** Stores a fresh token (Overshoot hands one out with every keepalive) for later resumes and rejoins. */
    public void updateToken(String fresh) {
        this.token = fresh;
    }

    /** Whether a newer token arrived after the last join or resume attempt sent its own (then a refusal is not final). */
    public boolean newerTokenThanAttempted() {
        return !Objects.equals(attemptToken, token);
    }

    /** Whether the signal socket is open and answered the last join or resume (false once it was lost). */
    public boolean connected() {
        return connected;
    }

    /** Drops the socket as a network failure would; the next {@link #resume} or {@link #join} replaces it. */
    public void dropConnection() {
        connected = false;
        SignalConnection current = connection;
        if (current != null) {
            current.abort();
        }
    }

    /** Says goodbye ({@code leave}, client initiated) and closes the socket. */
    public void leave() {
        SignalConnection current = connection;
        if (current != null) {
            current.send(SignalRequest.newBuilder().setLeave(LeaveRequest.newBuilder()
                    .setReason(DisconnectReason.CLIENT_INITIATED).setAction(LeaveRequest.Action.DISCONNECT)).build());
            current.close();
        }
    }

    @Override
    public void close() {
        connected = false;
        leave();
        stopPings();
        LiveKitException closed = new LiveKitException("LiveKit signal client closed");
        pendingTracks.values().forEach(f -> f.completeExceptionally(closed));
        pendingAnswers.values().forEach(f -> f.completeExceptionally(closed));
        events.shutdownNow();
    }

    /** Tries {@code /rtc/v1} first and falls back to {@code /rtc} on servers that answer it with 404. */
    private SignalResponse connect(String url, JoinRequest join, String resumeSid) {
        String sent = token;
        attemptToken = sent;
        try {
            return connect(SignalUrls.v1(url, sent, join), sent);
        } catch (LiveKitException e) {
            if (e.httpStatus() != 404) {
                throw e;
            }
            return connect(SignalUrls.v0(url, sent, resumeSid), sent);
        }
    }

    private SignalResponse connect(URI uri, String sent) {
        connected = false;
        stopPings();
        SignalConnection previous = connection;
        if (previous != null) {
            previous.abort();
        }
        CompletableFuture<SignalResponse> first = new CompletableFuture<>();
        firstMessage = first;
        connection = SignalConnection.open(http, uri, sent, timeout,
                message -> events.execute(() -> dispatch(message)),
                why -> events.execute(() -> lost(why)));
        try {
            SignalResponse response = first.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            connected = true;
            return response;
        } catch (TimeoutException e) {
            connection.abort();
            throw new LiveKitException("No join response from the LiveKit server within " + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            throw new LiveKitException("LiveKit signal connection failed: " + e.getCause().getMessage(), -1, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            connection.abort();
            throw new LiveKitException("Interrupted while joining the LiveKit room");
        }
    }

    private void dispatch(SignalResponse message) {
        lastMessageNanos = System.nanoTime();
        CompletableFuture<SignalResponse> first = firstMessage;
        if (first != null && !first.isDone()) {
            handleFirst(first, message);
            return;
        }
        switch (message.getMessageCase()) {
            case ANSWER -> answered(message.getAnswer());
            case TRICKLE -> listener.onRemoteCandidate(message.getTrickle().getCandidateInit());
            case TRACK_PUBLISHED -> complete(pendingTracks, message.getTrackPublished().getCid(),
                    message.getTrackPublished());
            case REFRESH_TOKEN -> token = message.getRefreshToken();
            case ROOM_MOVED -> token = message.getRoomMoved().getToken();
            case LEAVE -> listener.onLeave(message.getLeave());
            default -> LOG.trace("Ignoring signal message {}", message.getMessageCase());
        }
    }

    /** The first message answers the join or resume; a leave there means the server refused us. */
    private void handleFirst(CompletableFuture<SignalResponse> first, SignalResponse message) {
        if (message.hasLeave()) {
            first.completeExceptionally(LiveKitException.leave(message.getLeave()));
        } else if (message.hasJoin() || message.hasReconnect()) {
            first.complete(message);
        } else {
            LOG.debug("Dropping {} received before the join response", message.getMessageCase());
        }
    }

    /** Servers that do not echo offer ids (id 0) answer the newest offer. */
    private void answered(SessionDescription answer) {
        int id = answer.getId() != 0 ? answer.getId() : offerIds.get();
        if (!complete(pendingAnswers, id, answer)) {
            LOG.debug("Ignoring an answer for offer {}, which is no longer pending", id);
        }
    }

    private void lost(String why) {
        connected = false;
        stopPings();
        LOG.info("LiveKit signal connection lost: {}", why);
        CompletableFuture<SignalResponse> first = firstMessage;
        if (first != null && !first.isDone()) {
            first.completeExceptionally(new LiveKitException(why));
        } else {
            listener.onSignalLost(why);
        }
    }

    private void startPings(int intervalSeconds, int timeoutSeconds) {
        if (intervalSeconds <= 0) {
            return;
        }
        lastMessageNanos = System.nanoTime();
        long timeoutNanos = TimeUnit.SECONDS.toNanos(timeoutSeconds > 0 ? timeoutSeconds : 3L * intervalSeconds);
        cancel(pings.getAndSet(events.scheduleAtFixedRate(() -> ping(timeoutNanos), intervalSeconds, intervalSeconds,
                TimeUnit.SECONDS)));
    }

    private void ping(long timeoutNanos) {
        if (System.nanoTime() - lastMessageNanos > timeoutNanos) {
            connection.abort();
            lost("no message from the LiveKit server within the ping timeout");
            return;
        }
        long now = System.currentTimeMillis();
        send(SignalRequest.newBuilder().setPingReq(Ping.newBuilder().setTimestamp(now)).build());
        send(SignalRequest.newBuilder().setPing(now).build());
    }

    private void stopPings() {
        cancel(pings.getAndSet(null));
    }

    private static void cancel(ScheduledFuture<?> schedule) {
        if (schedule != null) {
            schedule.cancel(false);
        }
    }

    private CompletableFuture<Void> send(SignalRequest request) {
        SignalConnection current = connection;
        if (current == null) {
            throw new LiveKitException("Not connected to a LiveKit server");
        }
        return current.send(request);
    }

    /** A request whose message never left fails now rather than at its reply timeout. */
    private static void failOnSendFailure(CompletableFuture<Void> sent, CompletableFuture<?> reply, String what) {
        sent.whenComplete((v, e) -> {
            if (e != null) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                reply.completeExceptionally(new LiveKitException("Could not send the LiveKit " + what + ": " + cause,
                        -1, cause));
            }
        });
    }

    private <K, V> CompletableFuture<V> pending(Map<K, CompletableFuture<V>> map, K key) {
        CompletableFuture<V> future = new CompletableFuture<V>()
                .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
        map.put(key, future);
        future.whenComplete((v, e) -> map.remove(key, future));
        return future;
    }

    private static <K, V> boolean complete(Map<K, CompletableFuture<V>> map, K key, V value) {
        CompletableFuture<V> future = map.get(key);
        return future != null && future.complete(value);
    }

    private static LiveKitException unexpected(SignalResponse first, String expected) {
        return new LiveKitException("Expected a " + expected + " response from the LiveKit server, got "
                + first.getMessageCase());
    }
}
