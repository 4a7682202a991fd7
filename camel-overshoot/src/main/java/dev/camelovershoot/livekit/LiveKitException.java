package dev.camelovershoot.livekit;

import livekit.LivekitRtc.LeaveRequest;

/** A LiveKit signalling failure. Messages never contain the access token. */
public class LiveKitException extends RuntimeException {

    private final int httpStatus;
    private final boolean permanent;

    public LiveKitException(String message) {
        this(message, -1, null);
    }

    /** A failure with the HTTP status of a refused WebSocket upgrade (or -1); whether it is final follows from it. */
    public LiveKitException(String message, int httpStatus, Throwable cause) {
        this(message, httpStatus, isFinal(httpStatus), cause);
    }

    private LiveKitException(String message, int httpStatus, boolean permanent, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
        this.permanent = permanent;
    }

    /** The server answered a join or resume with {@code leave}: final unless it asks to resume or rejoin. */
    static LiveKitException leave(LeaveRequest leave) {
        boolean retry = leave.getAction() == LeaveRequest.Action.RESUME
                || leave.getAction() == LeaveRequest.Action.RECONNECT;
        return new LiveKitException("The LiveKit server refused the session: " + leave.getReason()
                + " (action " + leave.getAction() + ")", -1, !retry, null);
    }

    /** The HTTP status of a refused WebSocket upgrade, or -1. */
    public int httpStatus() {
        return httpStatus;
    }

    /** Whether the server refused the token (401/403): retrying with the same token cannot succeed. */
    public boolean tokenRejected() {
        return httpStatus == 401 || httpStatus == 403;
    }

    /** Whether the server no longer has the room (404 on both signal paths): only a new stream brings one back. */
    public boolean roomGone() {
        return httpStatus == 404;
    }

    /**
     * Whether the same request cannot succeed later: the token or the room was refused (4xx other than 408 and 429),
     * or the server ended the session for good. Network failures, timeouts and 5xx are transient.
     */
    public boolean permanent() {
        return permanent;
    }

    private static boolean isFinal(int status) {
        return status >= 400 && status < 500 && status != 408 && status != 429;
    }
}
