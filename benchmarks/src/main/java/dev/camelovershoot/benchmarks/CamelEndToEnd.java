package dev.camelovershoot.benchmarks;

import dev.camelovershoot.component.OvershootConstants;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * One stream through the Camel component: a route publishes the frames (JPEG or raw I420 bodies) to
 * {@code overshoot:e2e}, a consumer route on the same stream stamps each result exchange with nanoTime. The room is
 * joined on the first frame: frame 0 is pushed until the emulator decodes one, then frames 1.. follow, the first
 * {@code warmupFrames} of them unmeasured.
 */
final class CamelEndToEnd {

    private static final int MAX_JOIN_FRAMES = 900;
    private static final int JOIN_POLL_FRAMES = 10;

    private CamelEndToEnd() {
    }

    /** @param jpegs frame {@code k} as JPEG at index {@code k}, from 0 (used when {@code input} is {@code jpeg}) */
    static ClientRun run(ProbeProcess probe, Settings settings, String codec, String input, BenchFrames frames,
                         List<byte[]> jpegs) throws Exception {
        probe.reset(frames.width());
        Map<String, Long> resultsReceived = new ConcurrentHashMap<>();
        String uri = "overshoot:e2e?" + StreamUris.common(probe, codec, frames.width(), frames.height())
                + "&mode=clip&targetFps=" + (int) settings.fps() + "&clipLengthSeconds=0.5&delaySeconds=0.2"
                + "&maxPublishFps=" + settings.fps();
        CamelContext camel = new DefaultCamelContext();
        try {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:frames").to(uri);
                    from(uri).process(e -> resultsReceived.put(
                            e.getMessage().getHeader(OvershootConstants.RESULT_ID, String.class), System.nanoTime()));
                }
            });
            camel.start();
            ProducerTemplate template = camel.createProducerTemplate();
            Pacer pacer = new Pacer(settings.fps());
            int pushed = 0;
            do {
                pacer.await(++pushed);
                template.send("direct:frames", e -> body(e, input, frames, jpegs, 0));
            } while (pushed < MAX_JOIN_FRAMES && (pushed % JOIN_POLL_FRAMES != 0 || probe.decoded().isEmpty()));
            double joinSeconds = pacer.elapsedSeconds();
            Window window = new Window(settings.warmupFrames() + 1, settings.windowFrames(), ProcessStats.self(),
                    probe.pid());
            List<Integer> dropped = new ArrayList<>();
            for (int k = 1; k <= window.last(); k++) {
                pacer.await(pushed + k);
                window.pushing(k);
                int counter = k;
                Exchange sent = template.send("direct:frames", e -> body(e, input, frames, jpegs, counter));
                if (window.contains(k)
                        && !sent.getMessage().getHeader(OvershootConstants.FRAME_PUBLISHED, true, Boolean.class)) {
                    dropped.add(k);
                }
            }
            List<ProbeProcess.Decoded> decoded = Drain.await(probe, window);
            if (!dropped.isEmpty()) {
                System.err.println(codec + " " + input + ": frames of the window not published: " + dropped);
            }
            return new ClientRun("camel-overshoot", codec, input, frames.width(), frames.height(), settings.fps(),
                    joinSeconds, window.frames(), window.frames() - dropped.size(), window.delivered(decoded),
                    window.deliveredAtWidth(decoded, frames.width()), window.seconds(), window.clientCpuMs(),
                    window.emulatorCpuMs(), window.latencies(decoded),
                    resultLatencies(probe.sent(), resultsReceived, window.startNanos()));
        } finally {
            camel.close();
        }
    }

    private static void body(Exchange exchange, String input, BenchFrames frames, List<byte[]> jpegs, int counter) {
        if (input.equals("jpeg")) {
            exchange.getMessage().setBody(jpegs.get(counter));
        } else {
            exchange.getMessage().setBody(frames.i420(counter));
            exchange.getMessage().setHeader(OvershootConstants.FRAME_WIDTH, frames.width());
            exchange.getMessage().setHeader(OvershootConstants.FRAME_HEIGHT, frames.height());
            exchange.getMessage().setHeader(OvershootConstants.FRAME_FORMAT, "I420");
        }
    }

    /** Send to consumer exchange for every result sent after the window opened that reached the route. */
    private static Samples resultLatencies(List<ProbeProcess.Sent> sent, Map<String, Long> received, long fromNanos) {
        return new Samples(sent.stream().filter(s -> s.nanos() - fromNanos >= 0 && received.containsKey(s.resultId()))
                .map(s -> (received.get(s.resultId()) - s.nanos()) / 1e6).toList());
    }
}
