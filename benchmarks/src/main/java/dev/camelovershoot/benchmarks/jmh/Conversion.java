package dev.camelovershoot.benchmarks.jmh;

import dev.camelovershoot.media.FrameConverter;
import dev.camelovershoot.media.I420Frame;

/** One prepared input, converted the way the producer converts a message body: by the stream's converter. */
interface Conversion extends AutoCloseable {

    I420Frame convert(FrameConverter converter, long timestampNanos);

    /** Frees native memory the input holds (JavaCV frames); nothing for heap input. */
    @Override
    default void close() {
    }
}
