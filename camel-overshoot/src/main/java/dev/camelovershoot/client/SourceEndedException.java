package dev.camelovershoot.client;

/** The video source stopped producing frames (a file ended, a camera went away); reported by a transport. */
public class SourceEndedException extends OvershootException {

    public SourceEndedException(String message) {
        super(message);
    }

    public SourceEndedException(String message, Throwable cause) {
        super(message, cause);
    }
}
