package dev.camelovershoot.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * N streams at 640x480, 2 fps each, through N producer routes of one CamelContext. Frames are pushed round-robin,
 * spread evenly over each half second. The warm-up lasts until every stream has a decoded frame (at most 60 s).
 * {@link FleetRun} measures the same through one keyed endpoint.
 */
final class ScaleRun {

    static final int WIDTH = 640;
    static final int HEIGHT = 480;
    static final double FPS = 2;
    private static final double MAX_WARMUP_SECONDS = 60;

    private ScaleRun() {
    }

    static ScaleStep run(ProbeProcess probe, Settings settings, int streams) throws Exception {
        List<byte[]> jpegs = jpegs(settings);
        CamelContext camel = new DefaultCamelContext();
        try {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    for (int i = 0; i < streams; i++) {
                        from("direct:s" + i).to("overshoot:s" + i + "?" + options(probe));
                    }
                }
            });
            camel.start();
            ProducerTemplate template = camel.createProducerTemplate();
            return measure(probe, settings, new Ticker((i, jpeg) -> template.send("direct:s" + i,
                    e -> e.getMessage().setBody(jpeg)), jpegs, streams, FPS), streams);
        } finally {
            camel.close();
        }
    }

    /** The options of every stream: H264 at 640x480, frame mode at 2 fps. */
    static String options(ProbeProcess probe) {
        return StreamUris.common(probe, "h264", WIDTH, HEIGHT) + "&mode=frame&intervalSeconds=1&maxPublishFps=" + FPS;
    }

    /** The JPEGs of the longest warm-up and the window, each with its counter drawn in. */
    static List<byte[]> jpegs(Settings settings) {
        BenchFrames frames = new BenchFrames(WIDTH, HEIGHT);
        return IntStream.rangeClosed(0, maxTicks(settings)).parallel().mapToObj(frames::jpeg).toList();
    }

    /**
     * Pushes frames until the emulator has decoded one of every stream (at most 60 s), then measures a window: CPU of
     * both JVMs, frames published and decoded, RSS, heap used after a full GC and threads at its end.
     */
    static ScaleStep measure(ProbeProcess probe, Settings settings, Ticker ticker, int streams) throws Exception {
        probe.reset(WIDTH);
        int windowTicks = (int) Math.round(settings.scaleWindowSeconds() * FPS);
        int maxTicks = maxTicks(settings);
        long self = ProcessStats.self();
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
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        return new ScaleStep(streams, WIDTH, HEIGHT, FPS, connected, warmup, windowTicks * streams, published,
                delivered, seconds, cpu / 1e6, emulatorCpu / 1e6, rss, heap, jvmThreads, nativeThreads);
    }

    private static int maxTicks(Settings settings) {
        return (int) (MAX_WARMUP_SECONDS * FPS) + (int) Math.round(settings.scaleWindowSeconds() * FPS) + 1;
    }

    static int connected(ProbeProcess probe) throws Exception {
        Set<String> streams = new HashSet<>();
        probe.decoded().forEach(d -> streams.add(d.streamId()));
        return streams.size();
    }

    /** Distinct (stream, frame) pairs of the window decoded, after waiting up to 3 s for the last tick's frames. */
    static int delivered(ProbeProcess probe, int first, int last, int streams) throws Exception {
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
}
