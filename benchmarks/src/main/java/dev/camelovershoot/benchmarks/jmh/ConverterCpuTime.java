package dev.camelovershoot.benchmarks.jmh;

import dev.camelovershoot.media.FrameConverter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

/**
 * The converting thread's CPU time per frame, a cross-check of {@link FrameConverterBenchmark} on a machine so loaded
 * that wall-clock times mostly measure waiting for a core. Excludes GC threads, so heap-allocating paths look cheaper
 * than they are. Arguments: input names (default all); run by {@code benchmarks/run-jmh cpu-time [INPUT...]}.
 */
public final class ConverterCpuTime {

    private static final String[] RESOLUTIONS = {"640x480", "1280x720"};
    private static final int ROUNDS = 5;
    private static final int WARM_UP_FRAMES = 100;
    private static final int FRAMES = 60;

    private ConverterCpuTime() {
    }

    public static void main(String[] args) {
        Input[] inputs = args.length == 0 ? Input.values() : Arrays.stream(args).map(Input::valueOf).toArray(Input[]::new);
        System.out.println("input resolution: thread CPU ms/frame, min / median of " + ROUNDS + " rounds of " + FRAMES);
        for (String resolution : RESOLUTIONS) {
            Scene scene = Scene.of(resolution);
            for (Input input : inputs) {
                double[] rounds = new double[ROUNDS];
                for (int round = 0; round < ROUNDS; round++) {
                    rounds[round] = cpuMillisPerFrame(input, scene);
                }
                Arrays.sort(rounds);
                System.out.printf(Locale.ROOT, "%s %s: %.2f / %.2f%n", input, resolution, rounds[0], rounds[ROUNDS / 2]);
            }
        }
    }

    private static double cpuMillisPerFrame(Input input, Scene scene) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (FrameConverter converter = FrameConverter.atInputSize(); Conversion conversion = input.prepare(scene)) {
            for (int frame = 0; frame < WARM_UP_FRAMES; frame++) {
                conversion.convert(converter, frame).close();
            }
            long start = threads.getCurrentThreadCpuTime();
            for (int frame = 0; frame < FRAMES; frame++) {
                conversion.convert(converter, frame).close();
            }
            return (threads.getCurrentThreadCpuTime() - start) / 1e6 / FRAMES;
        }
    }
}
