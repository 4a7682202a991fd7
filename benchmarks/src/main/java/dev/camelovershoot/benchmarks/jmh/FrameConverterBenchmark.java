package dev.camelovershoot.benchmarks.jmh;

import dev.camelovershoot.media.FrameConverter;
import dev.camelovershoot.media.I420Frame;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The frame path's conversion cost: one message body to one I420 frame, as the producer does it for a stream. One
 * converter per trial, and each frame is closed before the next, so the pool's memory is reused (steady state).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class FrameConverterBenchmark {

    private static final long FRAME_INTERVAL_NANOS = 33_333_333;

    @Param({"640x480", "1280x720"})
    public String resolution;

    @Param
    public Input input;

    private FrameConverter converter;
    private Conversion conversion;
    private long timestamp;
    private long allocationsAfterFirstIteration = -1;

    @Setup(Level.Trial)
    public void prepare() {
        converter = FrameConverter.atInputSize();
        conversion = input.prepare(Scene.of(resolution));
    }

    @Benchmark
    public void convert(Blackhole blackhole) {
        timestamp += FRAME_INTERVAL_NANOS;
        try (I420Frame frame = conversion.convert(converter, timestamp)) {
            blackhole.consume(frame);
        }
    }

    /** After the first (warm-up) iteration a steady stream allocates no more native memory. */
    @TearDown(Level.Iteration)
    public void checkSteadyState() {
        long allocations = converter.nativeAllocations();
        if (allocationsAfterFirstIteration >= 0 && allocations != allocationsAfterFirstIteration) {
            throw new IllegalStateException(input + " at " + resolution + ": native allocations went from "
                    + allocationsAfterFirstIteration + " to " + allocations + " in a steady stream");
        }
        allocationsAfterFirstIteration = allocations;
    }

    @TearDown(Level.Trial)
    public void release() {
        conversion.close();
        converter.close();
    }
}
