package dev.camelovershoot.benchmarks;

import dev.camelovershoot.client.v1.V1Client;
import dev.camelovershoot.client.v1.Watch;
import dev.camelovershoot.client.v1.WatchAnswer;
import dev.camelovershoot.client.v1.WatchListener;
import dev.camelovershoot.client.v1.WatchedStream;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * N v1 streams, each with a frame put into its buffer by the emulator, and N {@link Watch} loops asking about the
 * newest frame every second, in one client JVM sharing one {@link V1Client}. The client JVM's CPU is read from
 * {@code /proc} over the window, as for the other runs, with its idle floor measured just before. Keepalives are
 * not part of it (the streams outlive the run without them).
 */
final class V1WatchRun {

    private static final Duration INTERVAL = Duration.ofSeconds(1);
    private static final long MAX_WARMUP_NANOS = 30_000_000_000L;

    private V1WatchRun() {
    }

    static WatchStep run(ProbeProcess probe, Settings settings) throws Exception {
        int n = settings.watchStreams();
        long window = (long) (settings.watchWindowSeconds() * 1e9);
        V1Client client = V1Client.builder().baseUrl(probe.v1BaseUrl()).apiKey(probe.apiKey()).build();
        List<String> streams = new ArrayList<>();
        List<Watch> watches = new ArrayList<>();
        Answers answers = new Answers();
        long self = ProcessStats.self();
        try {
            for (int i = 0; i < n; i++) {
                String id = client.createStream().id();
                streams.add(id);
                probe.injectV1Frame(id);
            }
            long idleStart = ProcessStats.cpuNanos(self);
            LockSupport.parkNanos(window);
            long idle = ProcessStats.cpuNanos(self) - idleStart;

            long warmupStart = System.nanoTime();
            for (String id : streams) {
                watches.add(Watch.builder(client, WatchedStream.of(id), V1AskRun.MODEL, "What colour is it?")
                        .every(INTERVAL).newestFrame().listener(answers).start());
            }
            while (watches.stream().anyMatch(w -> w.answered() == 0)
                    && System.nanoTime() - warmupStart < MAX_WARMUP_NANOS) {
                LockSupport.parkNanos(100_000_000L);
            }
            double warmup = (System.nanoTime() - warmupStart) / 1e9;

            Totals before = Totals.of(watches);
            answers.open();
            long cpuStart = ProcessStats.cpuNanos(self);
            long emulatorStart = ProcessStats.cpuNanos(probe.pid());
            long windowStart = System.nanoTime();
            LockSupport.parkNanos(window);
            long cpu = ProcessStats.cpuNanos(self) - cpuStart;
            long emulatorCpu = ProcessStats.cpuNanos(probe.pid()) - emulatorStart;
            double seconds = (System.nanoTime() - windowStart) / 1e9;
            answers.close();
            Totals after = Totals.of(watches);
            return new WatchStep(n, INTERVAL.toMillis() / 1000.0, warmup, seconds, idle / 1e6, cpu / 1e6,
                    emulatorCpu / 1e6, after.answered - before.answered, after.skipped - before.skipped,
                    after.deferred - before.deferred, after.failed - before.failed, answers.latencies(),
                    ProcessStats.rssBytes(self), ManagementFactory.getThreadMXBean().getThreadCount(),
                    ProcessStats.threads(self));
        } finally {
            watches.forEach(Watch::close);
            streams.forEach(client::deleteStream);
        }
    }

    /** The watches' counters, added up. */
    private record Totals(long answered, long skipped, long deferred, long failed) {

        static Totals of(List<Watch> watches) {
            return new Totals(watches.stream().mapToLong(Watch::answered).sum(),
                    watches.stream().mapToLong(Watch::skipped).sum(),
                    watches.stream().mapToLong(Watch::deferred).sum(),
                    watches.stream().mapToLong(Watch::failed).sum());
        }
    }

    /** Keeps the round trip of each answer delivered while the window is open. */
    private static final class Answers implements WatchListener {

        private final AtomicBoolean open = new AtomicBoolean();
        private final Queue<Double> latencyMs = new ConcurrentLinkedQueue<>();

        @Override
        public void onAnswer(WatchAnswer answer) {
            if (open.get()) {
                latencyMs.add(answer.latency().toNanos() / 1e6);
            }
        }

        void open() {
            open.set(true);
        }

        void close() {
            open.set(false);
        }

        Samples latencies() {
            return new Samples(List.copyOf(latencyMs));
        }
    }
}
