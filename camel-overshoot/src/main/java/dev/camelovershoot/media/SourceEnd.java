package dev.camelovershoot.media;

import java.util.Objects;

/**
 * Why a {@link FrameSource} stopped on its own.
 *
 * @param source the source's {@link FrameSource#description()}
 * @param cause  the failure, or null when the source simply reached its end
 */
public record SourceEnd(String source, Throwable cause) {

    public SourceEnd {
        Objects.requireNonNull(source, "source");
    }

    public static SourceEnd endOfStream(String source) {
        return new SourceEnd(source, null);
    }

    public static SourceEnd failure(String source, Throwable cause) {
        return new SourceEnd(source, Objects.requireNonNull(cause, "cause"));
    }

    public boolean failed() {
        return cause != null;
    }

    /** One line for logs and exception messages. */
    public String describe() {
        return failed()
                ? "frame source " + source + " failed: " + cause.getMessage()
                : "frame source " + source + " reached its end";
    }
}
