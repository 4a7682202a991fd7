package dev.camelovershoot.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;
import dev.camelovershoot.component.OvershootConstants;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * N streams at 640x480, 2 fps each, through N producer routes of one CamelContext. Frames are pushed round-robin,
 * spread evenly over each half second. The warm-up lasts until every stream has a decoded frame (at most 60 s).
 */
final class ScaleRun {

    static final int WIDTH = 640;
    static final int HEIGHT = 480;
    static final double FPS = 2;
    private static final double MAX_WARMUP_SECONDS = 60;

    private ScaleRun() {
    }

    static ScaleStep run(ProbeProcess probe, Settings settings, int streams) throws Exception {
        probe.reset(WIDTH);
        BenchFrames frames = new BenchFrames(WIDTH, HEIGHT);
        int windowTicks = (int) Math.round(settings.scaleWindowSeconds() * FPS);
        int maxTicks = (int) (MAX_WARMUP_SECONDS * FPS) + windowTicks + 1;
        List<byte[]> jpegs = IntStream.rangeClosed(0, maxTicks).parallel().mapToObj(frames::jpeg).toList();
        long self = ProcessStats.self();
        CamelContext camel = new DefaultCamelContext();
        try {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    for (int i = 0; i < streams; i++) {
                        from("direct:s" + i).to("overshoot:s" + i + "?"
                                + StreamUris.common(probe, "h264", WIDTH, HEIGHT)
                                + "&mode=frame&intervalSeconds=1&maxPublishFps=" + FPS);
                    }
                }
            });
            camel.start();
            Ticker ticker = new Ticker(camel.createProducerTemplate(), jpegs, streams);
            int tick = 1;
            while (tick < maxTicks - windowTicks && (tick % 2 == 1 || connected(probe) < streams)) {
                ticker.send(tick++);
            }
            double warmup = ticker.elapsedSeconds();
            int connected = connected(probe);
            int first = tick;
            long cpuStart = ProcessStats.cpuNanos(self);
            long emulatorStart = ProcessStats.cpuNanos(probe.pid());
            ticker.countPublished();
            for (; tick < first + windowTicks; tick++) {
                ticker.send(tick);
            }
            // Ticks are sent at their start: the window is windowTicks periods long once the last one has run.
            int published = ticker.published();
            ticker.awaitTickEnd(tick - 1);
            double seconds = windowTicks / FPS;
            long cpu = ProcessStats.cpuNanos(self) - cpuStart;
            long emulatorCpu = ProcessStats.cpuNanos(probe.pid()) - emulatorStart;
            long rss = ProcessStats.rssBytes(self);
            long nativeThreads = ProcessStats.threads(self);
            int jvmThreads = ManagementFactory.getThreadMXBean().getThreadCount();
            int delivered = delivered(probe, first, tick - 1, streams);
            return new ScaleStep(streams, WIDTH, HEIGHT, FPS, connected, warmup, windowTicks * streams, published,
                    delivered, seconds, cpu / 1e6, emulatorCpu / 1e6, rss, jvmThreads, nativeThreads);
        } finally {
            camel.close();
        }
    }

    private static int connected(ProbeProcess probe) throws Exception {
        Set<String> streams = new HashSet<>();
        probe.decoded().forEach(d -> streams.add(d.streamId()));
        return streams.size();
    }

    /** Distinct (stream, frame) pairs of the window decoded, after waiting up to 3 s for the last tick's frames. */
    private static int delivered(ProbeProcess probe, int first, int last, int streams) throws Exception {
        long deadline = System.nanoTime() + 3_000_000_000L;
        Set<String> seen = new HashSet<>();
        while (true) {
            seen.clear();
            probe.decoded().stream().filter(d -> d.counter() >= first && d.counter() <= last)
                    .forEach(d -> seen.add(d.streamId() + "/" + d.counter()));
            long lastTick = seen.stream().filter(k -> k.endsWith("/" + last)).count();
            if (lastTick >= streams || System.nanoTime() > deadline) {
                return seen.size();
            }
            LockSupport.parkNanos(200_000_000L);
        }
    }

    /** Sends tick k's frame to every stream, stream i at {@code (k-1)/FPS + i/(FPS*N)} seconds. */
    private static final class Ticker {

        private final ProducerTemplate template;
        private final List<byte[]> jpegs;
        private final int streams;
        private final long slotNanos;
        private final long start = System.nanoTime();
        private boolean counting;
        private int published;

        Ticker(ProducerTemplate template, List<byte[]> jpegs, int streams) {
            this.template = template;
            this.jpegs = jpegs;
            this.streams = streams;
            this.slotNanos = (long) (1e9 / FPS / streams);
        }

        void send(int tick) {
            for (int i = 0; i < streams; i++) {
                parkUntil(((long) (tick - 1) * streams + i) * slotNanos);
                int frame = tick;
                Exchange sent = template.send("direct:s" + i, e -> e.getMessage().setBody(jpegs.get(frame)));
                if (counting && sent.getMessage().getHeader(OvershootConstants.FRAME_PUBLISHED, true, Boolean.class)) {
                    published++;
                }
            }
        }

        /** From now on, count the frames the producers publish. */
        void countPublished() {
            counting = true;
        }

        int published() {
            return published;
        }

        void awaitTickEnd(int tick) {
            parkUntil((long) tick * streams * slotNanos);
        }

        double elapsedSeconds() {
            return (System.nanoTime() - start) / 1e9;
        }

        private void parkUntil(long offsetNanos) {
            long wait = start + offsetNanos - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
        }
    }
}
