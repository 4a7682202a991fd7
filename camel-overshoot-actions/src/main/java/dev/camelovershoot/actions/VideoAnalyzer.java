package dev.camelovershoot.actions;

import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;

/**
 * Runs a video file through an {@code overshoot:} stream of a Camel context and returns the detector's store once the
 * file ended: {@code overshoot:<id>?source=<file>&loop=false&lifecycleEvents=true} plus the detector's prompt and
 * output schema plus the {@linkplain #option(String, Object) options given here}; connection settings (API URL, key,
 * model) come from here or from the {@code overshoot} component's configuration.
 *
 * <p>The file has ended when the stream ends (it ends with its source, also when that happens before any result),
 * when the route stops, or when no result arrived for {@code idleTimeout} after the first one (a service that went
 * quiet). The detector is {@linkplain ActionDetector#reset() reset} first, so timestamps count from the first result,
 * and {@linkplain ActionDetector#flush() flushed} at the end.
 */
public final class VideoAnalyzer {

    private static final AtomicLong RUNS = new AtomicLong();

    private final CamelContext context;
    private final ActionDetector detector;
    private final Map<String, Object> options = new LinkedHashMap<>();
    private Duration idleTimeout = Duration.ofSeconds(5);
    private Duration timeout = Duration.ofHours(1);
    private InstantSource clock = InstantSource.system();

    public VideoAnalyzer(CamelContext context, ActionDetector detector) {
        this.context = context;
        this.detector = detector;
    }

    /** An extra {@code overshoot:} endpoint option, such as {@code intervalSeconds} or {@code model}. */
    public VideoAnalyzer option(String name, Object value) {
        options.put(name, value);
        return this;
    }

    /** How long without a result means the file ended; default 5 s, more than the sampling interval. */
    public VideoAnalyzer idleTimeout(Duration idle) {
        this.idleTimeout = idle;
        return this;
    }

    /** The longest an analysis may take; default 1 hour. */
    public VideoAnalyzer timeout(Duration limit) {
        this.timeout = limit;
        return this;
    }

    /** The clock giving the arrival time of results (for tests). */
    public VideoAnalyzer clock(InstantSource source) {
        this.clock = source;
        return this;
    }

    /**
     * Analyses the file; returns the detector's store once it ended.
     *
     * @throws IllegalStateException when it did not end within the timeout (the store keeps what was detected)
     */
    public ActionStore analyzeVideo(Path video) {
        String routeId = "overshoot-actions-analyze-" + RUNS.incrementAndGet();
        ResultWatch watch = new ResultWatch();
        detector.reset();
        try {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(uri(routeId, video)).routeId(routeId).filter(watch::take)
                            .process(exchange -> detector.accept(ResultExchanges.toMessage(exchange, clock.instant())));
                }
            });
            watch.awaitEnd(idleTimeout, timeout, () -> context.getRouteController().getRouteStatus(routeId).isStopped());
        } catch (TimeoutException e) {
            throw new IllegalStateException("The analysis of " + video + " did not end within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while analysing " + video, e);
        } catch (Exception e) {
            throw new IllegalStateException("Could not analyse " + video + ": " + e.getMessage(), e);
        } finally {
            removeRoute(routeId);
        }
        detector.flush();
        return detector.store();
    }

    String uri(String name, Path video) {
        StringBuilder uri = new StringBuilder("overshoot:").append(name)
                .append("?source=").append(UriValues.raw(video.toAbsolutePath().toString()))
                .append("&loop=false&lifecycleEvents=true&").append(detector.endpointQuery());
        options.forEach((key, value) -> uri.append('&').append(key).append('=')
                .append(UriValues.raw(String.valueOf(value))));
        return uri.toString();
    }

    private void removeRoute(String routeId) {
        try {
            context.getRouteController().stopRoute(routeId);
            context.removeRoute(routeId);
        } catch (Exception e) {
            throw new IllegalStateException("Could not remove the analysis route " + routeId, e);
        }
    }
}
