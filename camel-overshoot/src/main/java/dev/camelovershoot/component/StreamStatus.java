package dev.camelovershoot.component;

import dev.camelovershoot.client.StreamEvent;

/**
 * Where a shared stream stands, for the health check and for producers.
 *
 * @param state    the phase
 * @param streamId the current Overshoot stream id, null before it is created
 * @param reason   for anything but {@code CONNECTED}: why it is not connected, in words
 */
record StreamStatus(State state, String streamId, String reason) {

    enum State {
        /** Being created, or its results channel not open yet. */
        STARTING,
        /** Results flow. */
        CONNECTED,
        /** The results channel dropped, or a lost stream is being replaced. */
        RECONNECTING,
        /** Over: closed, failed to start, or ended on the service. Nothing restarts it but a route restart. */
        ENDED
    }

    static StreamStatus starting() {
        return new StreamStatus(State.STARTING, null, "the stream is being created");
    }

    static StreamStatus failedToStart(String message) {
        return new StreamStatus(State.ENDED, null, "the stream could not be started: " + message);
    }

    /** The status after a lifecycle event; an end after an error says what the error was. */
    static StreamStatus after(StreamEvent event, Exception lastError) {
        String id = event.streamId();
        return switch (event.type()) {
            case CREATED -> new StreamStatus(State.STARTING, id, "stream " + id
                    + " created; its results channel is not open yet");
            case CONNECTED, RECOVERED -> new StreamStatus(State.CONNECTED, id, null);
            case RECONNECTING -> new StreamStatus(State.RECONNECTING, id, "the results channel of stream " + id
                    + " dropped; reconnecting (attempt " + event.attempt() + ")");
            case RECREATED -> new StreamStatus(State.RECONNECTING, id, "stream " + event.previousStreamId()
                    + " was lost (" + event.reason() + ") and replaced by stream " + id + ", which is connecting");
            case ENDED -> new StreamStatus(State.ENDED, id, "stream " + id + " ended: " + event.reason()
                    + (lastError == null ? "" : " (" + lastError.getMessage() + ")"));
        };
    }

    boolean connected() {
        return state == State.CONNECTED;
    }

    boolean ended() {
        return state == State.ENDED;
    }
}
