package dev.camelovershoot.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelovershoot.actions.ActionDetector;
import dev.camelovershoot.actions.ActionStore;
import dev.camelovershoot.actions.DetectedAction;
import dev.camelovershoot.actions.ResultWatch;
import dev.camelovershoot.component.OvershootConstants;
import dev.camelovershoot.testinfra.OvershootEmulator;
import dev.camelovershoot.testinfra.inference.RulesBackend;
import dev.camelovershoot.testinfra.v1.V1Settings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.apache.camel.CamelContext;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of the demo into a folder: writes the sample video, streams it through {@code overshoot:} into the actions
 * detector, and writes {@code actions.json}, {@code actions.csv} and {@code timeline.png}.
 */
final class Demo {

    static final String LOG_NAME = "dev.camelovershoot.demo";
    private static final Logger LOG = LoggerFactory.getLogger(LOG_NAME);
    private static final String RESULTS_ROUTE = "demo-results";
    private static final double INTERVAL_SECONDS = 0.5;
    /** Quiet time after the last result that means the service went quiet: several sampling intervals. */
    private static final Duration IDLE = Duration.ofSeconds(3);

    /** What a run produced. */
    record Outcome(Path folder, ActionStore store, int results, boolean endedInTime) {
    }

    private final DemoSettings settings;
    private final Duration limit;

    Demo(DemoSettings settings, Duration limit) {
        this.settings = settings;
        this.limit = limit;
    }

    Outcome run(Path folder) throws Exception {
        Path video = SampleVideo.write(folder.resolve("sample.mp4"), SampleVideo.SCENES);
        LOG.info("Sample video: {} ({} s, {}x{}, {} fps)", video, SampleVideo.seconds(SampleVideo.SCENES),
                SampleVideo.WIDTH, SampleVideo.HEIGHT, SampleVideo.FPS);
        ActionDetector detector = ActionDetector.builder()
                .actions(List.of("waving", "thumbs up"))
                .minConfidence(0.6)
                .mergeGapSeconds(0.8)
                .build();
        if (settings.isEmbedded()) {
            try (OvershootEmulator emulator = OvershootEmulator.builder().backend(rules()).build().start()) {
                String apiUrl = settings.v1() ? emulator.v1BaseUrl() : emulator.baseUrl();
                LOG.info("OVERSHOOT_API_KEY is not set: using the embedded Overshoot emulator at {}", apiUrl);
                String model = settings.v1() ? V1Settings.DEFAULT_MODELS.get(0).model()
                        : OvershootEmulator.DEFAULT_MODELS.get(0).model();
                return analyse(folder, video, detector, Map.of("apiUrl", apiUrl, "apiKey", emulator.apiKey(),
                        "model", model));
            }
        }
        LOG.info("Using Overshoot at {} with model {}", settings.apiUrl(), settings.model());
        // the API key comes from OVERSHOOT_API_KEY, which the component reads itself
        return analyse(folder, video, detector, Map.of("apiUrl", settings.apiUrl(), "model", settings.model()));
    }

    private Outcome analyse(Path folder, Path video, ActionDetector detector, Map<String, String> connection)
            throws Exception {
        ResultWatch watch = new ResultWatch();
        boolean ended = true;
        try (CamelContext context = new DefaultCamelContext()) {
            context.getRegistry().bind("detector", detector);
            context.addRoutes(routes(uri(video, detector, connection), watch));
            context.start();
            try {
                watch.awaitEnd(IDLE, limit,
                        () -> context.getRouteController().getRouteStatus(RESULTS_ROUTE).isStopped());
            } catch (TimeoutException e) {
                ended = false;
                LOG.warn("The video did not end within {} s; stopping with what was detected", limit.toSeconds());
            }
        }
        detector.flush();
        ActionStore store = detector.store();
        store.exportJson(folder.resolve("actions.json"));
        store.exportCsv(folder.resolve("actions.csv"));
        TimelinePicture.write(folder.resolve("timeline.png"), "Actions in " + video.getFileName(),
                detector.actions(), store.getActions(), SampleVideo.seconds(SampleVideo.SCENES));
        return new Outcome(folder, store, watch.arrivals(), ended);
    }

    private static String uri(Path video, ActionDetector detector, Map<String, String> connection) {
        StringBuilder uri = new StringBuilder("overshoot:demo?source=").append(raw(video.toAbsolutePath().toString()))
                .append("&loop=false&lifecycleEvents=true&intervalSeconds=").append(INTERVAL_SECONDS)
                .append('&').append(detector.endpointQuery());
        connection.forEach((name, value) -> uri.append('&').append(name).append('=').append(raw(value)));
        return uri.toString();
    }

    private static String raw(String value) {
        return "RAW(" + value + ")";
    }

    private static RouteBuilder routes(String overshootUri, ResultWatch watch) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(overshootUri).routeId(RESULTS_ROUTE)
                        .filter(watch::take)
                        .log(LoggingLevel.INFO, LOG_NAME,
                                "result ${body} (latency ${header." + OvershootConstants.TOTAL_LATENCY + "} ms)")
                        .to("overshoot-actions:demo?detector=#detector");
                from("overshoot-actions:demo").routeId("demo-events")
                        .process(exchange -> LOG.info("EVENT {}", describe(exchange.getIn()
                                .getBody(DetectedAction.class))));
            }
        };
    }

    static String describe(DetectedAction event) {
        return String.format(Locale.ROOT, "%s at %.1f s for %.1f s (confidence %.2f)", event.action(),
                event.timestamp(), event.duration() == null ? 0.0 : event.duration(), event.confidence());
    }

    /** The rules that make the emulator answer the sample video's scenes (red: waving, green: thumbs up). */
    static RulesBackend rules() throws IOException {
        try (InputStream in = Demo.class.getResourceAsStream("/demo-rules.json")) {
            if (in == null) {
                throw new IOException("demo-rules.json is missing from the classpath");
            }
            return RulesBackend.fromJson(new ObjectMapper().readTree(in));
        }
    }
}
