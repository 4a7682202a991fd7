package dev.camelovershoot.client;

/**
 * A lifecycle change of a {@link StreamSession}.
 *
 * @param type             what happened
 * @param streamId         the stream it happened to
 * @param previousStreamId for {@code RECREATED}: the stream that was lost
 * @param reason           for {@code ENDED} and {@code RECREATED}: why the (previous) stream ended; the service's
 *                         reason ({@code lease_expired}, {@code livekit_disconnected}, ...) or a constant below;
 *                         for {@code RECONNECTING}: what failed, in words
 * @param attempt          for {@code RECONNECTING}: the attempt number, from 1
 */
public record StreamEvent(Type type, String streamId, String previousStreamId, String reason, int attempt) {

    /** The lifecycle changes, in the order they can happen. */
    public enum Type {
        /** The stream was created. */
        CREATED,
        /** Its results channel opened. */
        CONNECTED,
        /**
         * Something failed and is being tried again: the results channel dropped, or creating the stream failed
         * ({@code streamId} is then the stream being replaced, {@code null} for the first).
         */
        RECONNECTING,
        /** The results channel reopened after a drop. */
        RECOVERED,
        /**
         * A lost stream was replaced by a new one with the same configuration; {@code streamId} is the new one,
         * {@code reason} says why the previous one ended.
         */
        RECREATED,
        /**
         * The session is over: always the last event, exactly once per session; {@code streamId} is {@code null}
         * when it ended before any stream was created.
         */
        ENDED
    }

    /** The session was closed by its user, or the stream was deleted elsewhere. */
    public static final String CLIENT_REQUESTED = "client_requested";
    /** No keepalive reached the service within the lease. */
    public static final String LEASE_EXPIRED = "lease_expired";
    /** The account ran out of credits. */
    public static final String INSUFFICIENT_CREDITS = "insufficient_credits";
    /** The service no longer knows the stream (404), e.g. after a deploy that lost its state. */
    public static final String NOT_FOUND = ResultsChannel.NOT_FOUND;
    /** The video could not be reconnected (the transport gave up, e.g. its token was rejected). */
    public static final String TRANSPORT_FAILED = "transport_failed";
    /** The results channel could not be reconnected within the attempt budget. */
    public static final String RESULTS_LOST = "results_lost";
    /** The transport reported that the video source ended. */
    public static final String SOURCE_ENDED = "source_ended";
    /** The session closed after a fatal error, which was reported to {@link StreamListener#onError} first. */
    public static final String ERROR = "error";

    public static StreamEvent created(String streamId) {
        return new StreamEvent(Type.CREATED, streamId, null, null, 0);
    }

    public static StreamEvent connected(String streamId) {
        return new StreamEvent(Type.CONNECTED, streamId, null, null, 0);
    }

    public static StreamEvent reconnecting(String streamId, int attempt, String cause) {
        return new StreamEvent(Type.RECONNECTING, streamId, null, cause, attempt);
    }

    public static StreamEvent recovered(String streamId) {
        return new StreamEvent(Type.RECOVERED, streamId, null, null, 0);
    }

    public static StreamEvent recreated(String streamId, String previousStreamId, String reason) {
        return new StreamEvent(Type.RECREATED, streamId, previousStreamId, reason, 0);
    }

    public static StreamEvent ended(String streamId, String reason) {
        return new StreamEvent(Type.ENDED, streamId, null, reason, 0);
    }
}
