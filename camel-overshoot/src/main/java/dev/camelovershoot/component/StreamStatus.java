package dev.camelovershoot.component;

import dev.camelovershoot.client.OvershootException;
import dev.camelovershoot.client.StreamEvent;
import java.time.Instant;

/**
 * Where a shared stream stands, for the health checks and for producers.
 *
 * @param state     the phase
 * @param streamId  the current Overshoot stream id, null before one is created
 * @param reason    for anything but {@code CONNECTED}: why it is not connected, in words
 * @param lastError the latest failure on the way to a connected stream (what a retry is retrying), null when
 *                  connected or when nothing failed
 * @param attempts  the current retry's attempt number, 0 when connected or not retrying
 * @param lastLive  when the stream was last connected, null while connected or if it never was
 * @param failure   for {@code ENDED}: the error that ended it, null for an end without one
 */
record StreamStatus(State state, String streamId, String reason, String lastError, int attempts, Instant lastLive,
                    OvershootException failure) {

    enum State {
        /** Being created, or its results channel not open yet. */
        STARTING,
        /** Results flow. */
        CONNECTED,
        /** Something failed and is being tried again, or a lost stream is being replaced. */
        RECONNECTING,
        /** Over: closed, or failed in a way no retry fixes. Nothing restarts it but a route restart. */
        ENDED
    }

    static StreamStatus starting() {
        return new StreamStatus(State.STARTING, null, "the stream is being created", null, 0, null, null);
    }

    /** The status after a lifecycle event; {@code fatal} is the error reported before an end, if any. */
    StreamStatus after(StreamEvent event, OvershootException fatal, Instant now) {
        String id = event.streamId() != null ? event.streamId() : streamId;
        Instant live = connected() ? now : lastLive;
        return switch (event.type()) {
            case CREATED -> new StreamStatus(State.STARTING, id, "stream " + id
                    + " created; its results channel is not open yet", lastError, attempts, live, null);
            case CONNECTED, RECOVERED -> new StreamStatus(State.CONNECTED, id, null, null, 0, null, null);
            case RECONNECTING -> new StreamStatus(State.RECONNECTING, id, retrying(event), event.reason(),
                    event.attempt(), live, null);
            case RECREATED -> new StreamStatus(State.RECONNECTING, id, "stream " + event.previousStreamId()
                    + " was lost (" + event.reason() + ") and replaced by stream " + id + ", which is connecting",
                    lastError, attempts, live, null);
            case ENDED -> new StreamStatus(State.ENDED, id, (id == null ? "the stream" : "stream " + id) + " ended: "
                    + event.reason() + (fatal == null ? "" : " (" + fatal.getMessage() + ")"),
                    fatal == null ? lastError : fatal.getMessage(), attempts, live, fatal);
        };
    }

    private static String retrying(StreamEvent event) {
        return "not connected, trying again (attempt " + event.attempt() + ")"
                + (event.reason() == null ? "" : " after: " + event.reason());
    }

    boolean connected() {
        return state == State.CONNECTED;
    }

    boolean ended() {
        return state == State.ENDED;
    }
}
