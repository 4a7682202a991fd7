package dev.camelovershoot.component;

import dev.camelovershoot.client.StreamClosedException;
import dev.camelovershoot.media.FrameConverter;
import dev.camelovershoot.media.FrameDecodeException;
import dev.camelovershoot.media.I420Frame;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The frames of a v0.2 or v1 stream on their way to its video transport: producers' bodies converted (under a lock:
 * the converter is not thread-safe; CPU only) and stamped with the stream's clock, and its source's frames; each
 * counted in the stream's metrics as received, then published or dropped by why.
 */
final class StreamFrames {

    private final String name;
    private final FrameConverter converter;
    private final StreamMetrics metrics;
    private final Predicate<I420Frame> transport;
    private final BooleanSupplier live;
    private final Supplier<String> refusal;
    private final long clockOrigin = System.nanoTime();
    private final Object publishing = new Object();
    private boolean closed;

    /**
     * @param transport publishes a frame, false when it dropped it
     * @param live      whether the transport is connected: a frame it dropped was then above the rate
     * @param refusal   why the stream takes no more frames from producers, null while it takes them
     */
    StreamFrames(String name, FrameConverter converter, StreamMetrics metrics, Predicate<I420Frame> transport,
                 BooleanSupplier live, Supplier<String> refusal) {
        this.name = name;
        this.converter = converter;
        this.metrics = metrics;
        this.transport = transport;
        this.live = live;
        this.refusal = refusal;
    }

    /**
     * Reads a producer's frame, converts it and hands it to the transport.
     *
     * @return false when the transport dropped it: above the publish rate, or the video is not connected yet
     * @throws StreamClosedException when the stream is closed or has ended
     * @throws FrameDecodeException  when the body is not a frame
     */
    boolean publish(Supplier<FrameBodies.FrameInput> body) {
        metrics.frameReceived();
        try {
            FrameBodies.FrameInput input = body.get();
            synchronized (publishing) {
                String refused = closed ? "it is closing" : refusal.get();
                if (refused != null) {
                    throw new StreamClosedException("Overshoot stream '" + name + "' takes no more frames: " + refused);
                }
                try (I420Frame frame = input.convert(converter, System.nanoTime() - clockOrigin)) {
                    return send(frame);
                }
            }
        } catch (FrameDecodeException badBody) {
            metrics.frameDropped(StreamMetrics.Drop.BAD_BODY);
            throw badBody;
        }
    }

    /** A frame of the stream's source, which this takes over. */
    void fromSource(I420Frame frame) {
        try (frame) {
            synchronized (publishing) {
                if (!closed) {
                    metrics.frameReceived();
                    send(frame);
                }
            }
        }
    }

    /** Takes no more frames, and releases the converter and then the transport, {@code release}, once none is in flight. */
    void close(Runnable release) {
        synchronized (publishing) {
            closed = true;
            release.run();
            converter.close();
        }
    }

    private boolean send(I420Frame frame) {
        return metrics.handedOver(transport.test(frame), live.getAsBoolean());
    }
}
