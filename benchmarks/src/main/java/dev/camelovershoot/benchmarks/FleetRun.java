package dev.camelovershoot.benchmarks;

import dev.camelovershoot.component.OvershootConstants;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Cameras through one keyed endpoint ({@code overshoot:fleet?keyed=true}, header CamelOvershootStreamKey): each
 * camera its own stream at 640x480, 2 fps, H264, synthetic JPEG frames. One CamelContext grows from step to step
 * (keys cam-0 .. cam-N-1; the streams of the smaller step stay open), so that what each added camera costs (CPU,
 * RSS, heap, threads) is measured in the same JVM and context.
 */
final class FleetRun {

    private FleetRun() {
    }

    /** The cameras of each step: quick 2 and 6, full 8, 32 and 64, tiny 1 and 2. */
    static List<Integer> steps(Settings settings) {
        return switch (settings.name()) {
            case "full" -> List.of(8, 32, 64);
            case "tiny" -> List.of(1, 2);
            default -> List.of(2, 6);
        };
    }

    static List<ScaleStep> run(ProbeProcess probe, Settings settings) throws Exception {
        List<byte[]> jpegs = ScaleRun.jpegs(settings);
        List<ScaleStep> steps = new ArrayList<>();
        CamelContext camel = new DefaultCamelContext();
        try {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:fleet").to("overshoot:fleet?keyed=true&" + ScaleRun.options(probe));
                }
            });
            camel.start();
            ProducerTemplate template = camel.createProducerTemplate();
            for (int cameras : steps(settings)) {
                Ticker ticker = new Ticker((i, jpeg) -> template.send("direct:fleet", e -> {
                    e.getMessage().setHeader(OvershootConstants.STREAM_KEY, "cam-" + i);
                    e.getMessage().setBody(jpeg);
                }), jpegs, cameras, ScaleRun.FPS);
                steps.add(ScaleRun.measure(probe, settings, ticker, cameras));
            }
            return steps;
        } finally {
            camel.close();
        }
    }
}
