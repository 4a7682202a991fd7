package dev.camelovershoot.media;

/** Input that cannot become a frame; the message says what was expected and what arrived. */
public class FrameDecodeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public FrameDecodeException(String message) {
        super(message);
    }

    public FrameDecodeException(String message, Throwable cause) {
        super(message, cause);
    }
}
