package dev.camelovershoot.media;

import java.util.Objects;

/**
 * Why a {@link FrameSource} stopped on its own.
 *
 * @param source the source's {@link FrameSource#description()}
 * @param frames the frames read from the source (all passes of a looping file)
 * @param cause  the failure, or null when the source simply reached its end
 */
public record SourceEnd(String source, long frames, Throwable cause) {

    public SourceEnd {
        Objects.requireNonNull(source, "source");
    }

    public static SourceEnd endOfStream(String source, long frames) {
        return new SourceEnd(source, frames, null);
    }

    public static SourceEnd failure(String source, long frames, Throwable cause) {
        return new SourceEnd(source, frames, Objects.requireNonNull(cause, "cause"));
    }

    public boolean failed() {
        return cause != null;
    }

    /** One line for logs and exception messages. */
    public String describe() {
        return failed()
                ? "frame source " + source + " failed: " + cause.getMessage()
                : "frame source " + source + " reached its end after " + frames + " frames";
    }
}
