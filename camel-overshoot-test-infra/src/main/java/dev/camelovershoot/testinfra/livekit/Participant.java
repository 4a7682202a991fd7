package dev.camelovershoot.testinfra.livekit;

import dev.camelovershoot.testinfra.frames.I420Planes;
import dev.camelovershoot.testinfra.rtc.IceCandidate;
import dev.camelovershoot.testinfra.rtc.IngestListener;
import dev.camelovershoot.testinfra.rtc.IngestPeer;
import dev.camelovershoot.testinfra.rtc.IngestState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import livekit.LivekitModels.DisconnectReason;
import livekit.LivekitModels.TrackInfo;
import livekit.LivekitModels.TrackType;
import livekit.LivekitRtc.AddTrackRequest;
import livekit.LivekitRtc.LeaveRequest;
import livekit.LivekitRtc.RequestResponse;
import livekit.LivekitRtc.SessionDescription;
import livekit.LivekitRtc.SignalRequest;
import livekit.LivekitRtc.SignalResponse;
import livekit.LivekitRtc.TrackPublishedResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One publisher session: its server-side peer connection (the client's publisher connection) and the signal
 * connection currently attached to it, which a resume replaces. Lock order: {@link Room} before participant.
 */
final class Participant implements IngestListener {

    private static final Logger LOG = LoggerFactory.getLogger(Participant.class);

    private final String sid = Sids.participant();
    private final Room room;
    private final LiveKitGrant grant;
    private final RoomContext context;
    private final IngestPeer peer;
    private final Map<String, TrackInfo> tracksByCid = new HashMap<>();
    private final List<IceCandidate> heldCandidates = new ArrayList<>();
    private final long joinedAtSeconds = System.currentTimeMillis() / 1000;
    private SignalConnection connection;
    private boolean answering;
    private CompletableFuture<Void> negotiation = CompletableFuture.completedFuture(null);
    private ScheduledFuture<?> tokenRefresh;
    private boolean closed;

    Participant(Room room, LiveKitGrant grant, RoomContext context) {
        this.room = room;
        this.grant = grant;
        this.context = context;
        // The peer reports nothing before an offer is applied, which happens only after construction.
        this.peer = context.webrtc().openPeer(this);
    }

    String sid() {
        return sid;
    }

    String identity() {
        return grant.identity();
    }

    synchronized boolean isConnected() {
        return connection != null;
    }

    /**
     * Starts the session on {@code first}: the join response (always the first message), a fresh token, then the
     * answer to an offer sent with the join.
     */
    void start(SignalConnection first, SessionDescription publisherOffer) {
        if (!switchTo(first, SignalMessages.join(room.info(), SignalMessages.participant(sid, grant, joinedAtSeconds)))) {
            return;
        }
        long refreshMillis = context.refreshInterval().toMillis();
        synchronized (this) {
            if (closed) {
                return;
            }
            tokenRefresh = context.timers().scheduleAtFixedRate(this::pushRefreshToken, refreshMillis, refreshMillis,
                    TimeUnit.MILLISECONDS);
        }
        pushRefreshToken();
        if (publisherOffer != null) {
            negotiate(publisherOffer);
        }
    }

    /** Continues this session on a new signal connection, starting with the reconnect response. */
    boolean resume(SignalConnection next) {
        if (!switchTo(next, SignalMessages.reconnect())) {
            return false;
        }
        pushRefreshToken();
        return true;
    }

    /**
     * Makes {@code next} this session's signal connection and sends {@code first} on it before anything else can be.
     *
     * @return false when the session has ended meanwhile
     */
    private boolean switchTo(SignalConnection next, SignalResponse first) {
        next.attach(this);
        SignalConnection previous;
        synchronized (this) {
            if (closed) {
                return false;
            }
            previous = connection;
            connection = next;
            next.send(first);
        }
        if (previous != null) {
            previous.drop();
        }
        // A close that raced the switch was ignored as not current: apply it now.
        if (next.isClosed()) {
            signalClosed(next);
        }
        return true;
    }

    void handle(SignalRequest request, SignalConnection from) {
        if (!isCurrent(from)) {
            return;
        }
        switch (request.getMessageCase()) {
            case OFFER -> negotiate(request.getOffer());
            case TRICKLE -> addRemoteCandidate(request.getTrickle().getCandidateInit());
            case ADD_TRACK -> publishTrack(request.getAddTrack());
            case PING -> from.send(SignalMessages.pong(System.currentTimeMillis()));
            case PING_REQ -> from.send(SignalMessages.pongResp(request.getPingReq().getTimestamp(), System.currentTimeMillis()));
            case LEAVE -> room.leave(this);
            default -> LOG.debug("{} ignored {}", sid, request.getMessageCase());
        }
    }

    /** The signal connection went away without a leave: the session waits for a resume. */
    void signalClosed(SignalConnection closedConnection) {
        synchronized (this) {
            if (connection != closedConnection) {
                return;
            }
            connection = null;
        }
        room.signalLost(this);
    }

    /** Mints a fresh token with the same grants and pushes it; returns it, or {@code null} when not connected. */
    String pushRefreshToken() {
        String token = context.tokens().refresh(grant, context.refreshTokenTtl());
        return send(SignalMessages.refreshToken(token)) ? token : null;
    }

    /** Test control: closes the signal connection abruptly, without a close frame. */
    boolean dropSignal() {
        SignalConnection current;
        synchronized (this) {
            current = connection;
        }
        if (current != null) {
            current.drop();
        }
        return current != null;
    }

    /** Test control: sends raw bytes as one binary signal message; false when not connected. */
    boolean sendRaw(byte[] bytes) {
        SignalConnection current;
        synchronized (this) {
            current = connection;
        }
        if (current != null) {
            current.sendRaw(bytes);
        }
        return current != null;
    }

    /** Sends {@code leave} with the action and reason, then ends the session. */
    void sendLeaveAndClose(LeaveRequest.Action action, DisconnectReason reason) {
        send(SignalMessages.leave(action, reason));
        close();
    }

    /** Ends the session: closes the signal connection (normally) and the peer connection. Idempotent. */
    void close() {
        SignalConnection current;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            current = connection;
            connection = null;
            if (tokenRefresh != null) {
                tokenRefresh.cancel(false);
            }
        }
        if (current != null) {
            current.close();
        }
        peer.close();
    }

    /** Media from a participant without the publish grant is dropped: a viewer cannot feed the stream. */
    @Override
    public void onFrame(I420Planes frame) {
        if (grant.canPublish()) {
            room.listener().onFrame(frame);
        }
    }

    /** Held while an answer is being produced, so that the answer reaches the client before its candidates. */
    @Override
    public void onLocalCandidate(IceCandidate candidate) {
        synchronized (this) {
            if (answering) {
                heldCandidates.add(candidate);
                return;
            }
        }
        send(SignalMessages.trickle(candidate));
    }

    @Override
    public void onConnectionState(IngestState state) {
        LOG.debug("{} ({}) media connection {}", sid, grant.identity(), state);
    }

    /** Offers are answered strictly one after another, each answer echoing its offer's id. */
    private void negotiate(SessionDescription offer) {
        synchronized (this) {
            negotiation = negotiation
                    .thenCompose(v -> {
                        startAnswering();
                        return peer.answer(offer.getSdp());
                    })
                    .thenAccept(sdp -> {
                        room.offerAnswered();
                        finishAnswering(SignalMessages.answer(context.answerSdp(sdp), offer.getId()));
                    })
                    .exceptionally(e -> {
                        if (!peer.isClosed()) {
                            LOG.warn("{} offer {} not answered: {}", sid, offer.getId(), e.getMessage());
                        }
                        finishAnswering(null);
                        return null;
                    });
        }
    }

    private synchronized void startAnswering() {
        answering = true;
    }

    private void finishAnswering(SignalResponse answer) {
        List<IceCandidate> held;
        synchronized (this) {
            if (answer != null) {
                send(answer);
            }
            answering = false;
            held = new ArrayList<>(heldCandidates);
            heldCandidates.clear();
        }
        held.forEach(c -> send(SignalMessages.trickle(c)));
    }

    private void addRemoteCandidate(String candidateInit) {
        try {
            IceCandidate candidate = SignalMessages.candidate(candidateInit);
            if (candidate != null) {
                peer.addRemoteCandidate(candidate);
            }
        } catch (IllegalArgumentException e) {
            LOG.debug("{} sent an unreadable candidate: {}", sid, e.getMessage());
        }
    }

    /**
     * Any kind and source is accepted from a participant allowed to publish; a repeated {@code cid} gets the same
     * track back. A subscribe-only participant (a viewer) is refused with {@code NOT_ALLOWED}, as a LiveKit server
     * refuses it.
     */
    private void publishTrack(AddTrackRequest request) {
        if (!grant.canPublish()) {
            LOG.info("{} ({}) may not publish; track {} refused", sid, grant.identity(), request.getCid());
            send(SignalResponse.newBuilder().setRequestResponse(RequestResponse.newBuilder()
                    .setReason(RequestResponse.Reason.NOT_ALLOWED).setAddTrack(request)
                    .setMessage("does not have permission to publish")).build());
            return;
        }
        TrackInfo track;
        synchronized (this) {
            track = tracksByCid.computeIfAbsent(request.getCid(), cid -> TrackInfo.newBuilder()
                    .setSid(Sids.track(request.getType(), request.getSource()))
                    .setType(request.getType())
                    .setName(request.getName())
                    .setSource(request.getSource())
                    .setWidth(request.getWidth())
                    .setHeight(request.getHeight())
                    .setMuted(request.getMuted())
                    .setStream(request.getStream())
                    .build());
        }
        if (request.getType() != TrackType.VIDEO) {
            LOG.debug("{} published a {} track; only video is decoded", sid, request.getType());
        }
        room.trackPublished();
        send(SignalResponse.newBuilder()
                .setTrackPublished(TrackPublishedResponse.newBuilder().setCid(request.getCid()).setTrack(track)).build());
    }

    private synchronized boolean isCurrent(SignalConnection candidate) {
        return connection == candidate;
    }

    private boolean send(SignalResponse message) {
        SignalConnection current;
        synchronized (this) {
            current = connection;
        }
        if (current == null) {
            return false;
        }
        current.send(message);
        return true;
    }
}
