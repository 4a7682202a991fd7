package dev.camelovershoot.livekit;

/** A LiveKit signalling failure. Messages never contain the access token. */
public class LiveKitException extends RuntimeException {

    private final int httpStatus;

    public LiveKitException(String message) {
        this(message, -1, null);
    }

    public LiveKitException(String message, int httpStatus, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
    }

    /** The HTTP status of a refused WebSocket upgrade, or -1. */
    public int httpStatus() {
        return httpStatus;
    }

    /** Whether the server refused the token (401/403): retrying with the same token cannot succeed. */
    public boolean tokenRejected() {
        return httpStatus == 401 || httpStatus == 403;
    }
}
