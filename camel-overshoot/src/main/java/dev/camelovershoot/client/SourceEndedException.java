package dev.camelovershoot.client;

/**
 * The video source stopped producing frames; reported by a transport. Without a cause it simply reached its end (a
 * file that does not loop), which ends the session without an error; with one it failed (a camera went away, a
 * decode error), which is reported as an error first.
 */
public class SourceEndedException extends OvershootException {

    public SourceEndedException(String message) {
        super(message);
    }

    public SourceEndedException(String message, Throwable cause) {
        super(message, cause);
    }

    /** False when the source simply reached its end. */
    public boolean isFailure() {
        return getCause() != null;
    }
}
