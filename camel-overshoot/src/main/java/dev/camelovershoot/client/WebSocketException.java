package dev.camelovershoot.client;

/**
 * The results channel failed: the service closed it with a fatal code (1008: the key was rejected; 1001 with a
 * reason: the stream ended), or reconnecting gave up.
 */
public class WebSocketException extends OvershootException {

    /** Policy violation: the service rejected the API key. */
    public static final int POLICY_VIOLATION = 1008;
    /** Going away: with a reason {@code stream ended: <reason>}, the stream ended. */
    public static final int GOING_AWAY = 1001;

    private final int closeCode;
    private final String closeReason;

    public WebSocketException(String message, int closeCode, String closeReason, Throwable cause) {
        super(message, cause);
        this.closeCode = closeCode;
        this.closeReason = closeReason;
    }

    /** The close code received, or 1006 (abnormal closure) when the connection was lost without one. */
    public int closeCode() {
        return closeCode;
    }

    /** The close reason received, or {@code null}. */
    public String closeReason() {
        return closeReason;
    }
}
