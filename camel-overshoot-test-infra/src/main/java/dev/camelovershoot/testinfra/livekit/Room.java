package dev.camelovershoot.testinfra.livekit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import livekit.LivekitModels.DisconnectReason;
import livekit.LivekitRtc.LeaveRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bound room: its participants and the listener that receives its media. When no participant has a signal
 * connection (all left or lost it), a grace timer starts; a join or resume cancels it, expiry ends every remaining
 * session and reports the publisher gone.
 */
final class Room {

    private static final Logger LOG = LoggerFactory.getLogger(Room.class);

    private final String name;
    private final String sid = Sids.room();
    private final long createdAtSeconds = System.currentTimeMillis() / 1000;
    private final RoomListener listener;
    private final RoomContext context;
    private final Map<String, Participant> participants = new LinkedHashMap<>();
    private final AtomicLong joins = new AtomicLong();
    private final AtomicLong resumes = new AtomicLong();
    private final AtomicLong offersAnswered = new AtomicLong();
    private final AtomicLong tracksPublished = new AtomicLong();
    private ScheduledFuture<?> abandonTimer;
    /** Tells a timer that fired from one that was cancelled and replaced meanwhile. */
    private long abandonGeneration;
    private String lastIdentity;
    private boolean closed;

    Room(String name, RoomListener listener, RoomContext context) {
        this.name = name;
        this.listener = listener;
        this.context = context;
    }

    RoomListener listener() {
        return listener;
    }

    livekit.LivekitModels.Room info() {
        return livekit.LivekitModels.Room.newBuilder().setSid(sid).setName(name).setCreationTime(createdAtSeconds).build();
    }

    /** A new session; an older session of the same identity is ended (LiveKit's duplicate-identity rule). */
    void join(SignalConnection connection, LiveKitGrant grant, JoinParameters join) {
        Participant participant = new Participant(this, grant, context);
        List<Participant> duplicates = new ArrayList<>();
        synchronized (this) {
            if (closed) {
                participant.close();
                refuse(connection, LeaveRequest.Action.DISCONNECT, DisconnectReason.ROOM_DELETED);
                return;
            }
            for (Participant p : participants.values()) {
                if (p.identity().equals(grant.identity())) {
                    duplicates.add(p);
                }
            }
            duplicates.forEach(d -> participants.remove(d.sid()));
            participants.put(participant.sid(), participant);
            lastIdentity = grant.identity();
            cancelAbandonTimer();
        }
        joins.incrementAndGet();
        LOG.debug("room {}: {} joined as {} ({})", name, grant.identity(), participant.sid(), join.client());
        participant.start(connection, join.publisherOffer());
        duplicates.forEach(d -> d.sendLeaveAndClose(LeaveRequest.Action.DISCONNECT, DisconnectReason.DUPLICATE_IDENTITY));
        listener.onParticipantJoined(grant.identity());
    }

    /** Resumes session {@code participantSid} on a new connection, or tells the client to rejoin from scratch. */
    void resume(SignalConnection connection, LiveKitGrant grant, String participantSid) {
        Participant participant;
        synchronized (this) {
            participant = participants.get(participantSid);
        }
        boolean resumable = participant != null && participant.identity().equals(grant.identity());
        if (resumable) {
            resumes.incrementAndGet(); // counted before the client can see the reconnect response
        }
        if (!resumable || !participant.resume(connection)) {
            LOG.debug("room {}: no session {} to resume for {}", name, participantSid, grant.identity());
            refuse(connection, LeaveRequest.Action.RECONNECT, DisconnectReason.STATE_MISMATCH);
            return;
        }
        synchronized (this) {
            cancelAbandonTimer();
        }
        LOG.debug("room {}: {} resumed {}", name, grant.identity(), participantSid);
    }

    /** The participant said {@code leave}: its session ends now. */
    void leave(Participant participant) {
        synchronized (this) {
            participants.remove(participant.sid());
            startAbandonTimerIfUnattended();
        }
        participant.close();
    }

    void signalLost(Participant participant) {
        synchronized (this) {
            if (participants.containsKey(participant.sid())) {
                startAbandonTimerIfUnattended();
            }
        }
    }

    void offerAnswered() {
        offersAnswered.incrementAndGet();
    }

    void trackPublished() {
        tracksPublished.incrementAndGet();
    }

    synchronized RoomCounters counters() {
        return new RoomCounters(joins.get(), resumes.get(), offersAnswered.get(), tracksPublished.get(), participants.size());
    }

    /** Applies {@code action} to every participant present; returns the results. */
    <T> List<T> forEachParticipant(Function<Participant, T> action) {
        List<Participant> present;
        synchronized (this) {
            present = new ArrayList<>(participants.values());
        }
        List<T> results = new ArrayList<>();
        present.forEach(p -> results.add(action.apply(p)));
        return results;
    }

    /** Test control: ask every participant to rejoin from scratch, ending their sessions. */
    int requestReconnect() {
        List<Participant> present;
        synchronized (this) {
            present = new ArrayList<>(participants.values());
            participants.clear();
            startAbandonTimerIfUnattended();
        }
        present.forEach(p -> p.sendLeaveAndClose(LeaveRequest.Action.RECONNECT, DisconnectReason.SERVER_SHUTDOWN));
        return present.size();
    }

    /** Unbinding: every session ends with {@code leave(DISCONNECT, ROOM_DELETED)}, no publisher-left report. */
    void close() {
        List<Participant> present;
        synchronized (this) {
            closed = true;
            cancelAbandonTimer();
            present = new ArrayList<>(participants.values());
            participants.clear();
        }
        present.forEach(p -> p.sendLeaveAndClose(LeaveRequest.Action.DISCONNECT, DisconnectReason.ROOM_DELETED));
    }

    /** A leave as the first message makes the client give up this connection attempt. */
    private static void refuse(SignalConnection connection, LeaveRequest.Action action, DisconnectReason reason) {
        connection.send(SignalMessages.leave(action, reason));
        connection.close();
    }

    private void startAbandonTimerIfUnattended() {
        if (closed || abandonTimer != null || lastIdentity == null
                || participants.values().stream().anyMatch(Participant::isConnected)) {
            return;
        }
        long generation = ++abandonGeneration;
        abandonTimer = context.timers().schedule(() -> abandon(generation), context.publisherGrace().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void cancelAbandonTimer() {
        if (abandonTimer != null) {
            abandonTimer.cancel(false);
            abandonTimer = null;
        }
    }

    private void abandon(long generation) {
        List<Participant> remaining;
        String identity;
        synchronized (this) {
            if (abandonTimer == null || generation != abandonGeneration) {
                return; // cancelled, or replaced by a newer timer
            }
            abandonTimer = null;
            if (closed || participants.values().stream().anyMatch(Participant::isConnected)) {
                return;
            }
            remaining = new ArrayList<>(participants.values());
            participants.clear();
            identity = lastIdentity;
        }
        remaining.forEach(Participant::close);
        LOG.debug("room {}: publisher {} gone for good", name, identity);
        listener.onPublisherLeft(identity);
    }
}
