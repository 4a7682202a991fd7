package dev.camelovershoot.component;

import dev.camelovershoot.transport.rtc.WebRtcRuntime;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;

/**
 * The {@code overshoot:} component: real-time video AI results from Overshoot streams. Holds what its streams share:
 * the default configuration, one HTTP client, the WebRTC engine (loaded only when a stream first sends video, closed
 * with the component) and the registry of streams by name.
 */
@Component("overshoot")
public class OvershootComponent extends HealthCheckComponent {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    @Metadata(description = "Defaults for every endpoint of this component (apiUrl, apiKey, model, ...).")
    private OvershootConfiguration configuration = new OvershootConfiguration();

    @Metadata(label = "advanced", description = "Whether to record metrics (Micrometer, when it is on the classpath):"
            + " unset, they are recorded when a MeterRegistry is in the registry; true records them there or, without"
            + " one, in Micrometer's global registry; false never records them.")
    private Boolean metricsEnabled;

    private final SharedStreams streams = new SharedStreams(this);
    private StreamMetrics.Factory metrics = StreamMetrics.Factory.NONE;
    private HttpClient httpClient;
    private ExecutorService mediaExecutor;
    private WebRtcRuntime webRtcRuntime;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        if (remaining == null || remaining.isBlank()) {
            throw new IllegalArgumentException("An overshoot endpoint needs a stream name: overshoot:streamName[?options]");
        }
        OvershootEndpoint endpoint = new OvershootEndpoint(uri, this, remaining, configuration.copy(),
                new HashSet<>(parameters.keySet()));
        setProperties(endpoint, parameters);
        return endpoint;
    }

    public OvershootConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(OvershootConfiguration configuration) {
        this.configuration = configuration;
    }

    public Boolean getMetricsEnabled() {
        return metricsEnabled;
    }

    public void setMetricsEnabled(Boolean metricsEnabled) {
        this.metricsEnabled = metricsEnabled;
    }

    StreamMetrics.Factory metrics() {
        return metrics;
    }

    /** Metrics are looked up before any route starts a stream; Micrometer is loaded only if it is there. */
    @Override
    protected void doStart() throws Exception {
        super.doStart();
        boolean micrometer = getCamelContext().getClassResolver()
                .resolveClass("io.micrometer.core.instrument.MeterRegistry") != null;
        if (micrometer && !Boolean.FALSE.equals(metricsEnabled)) {
            metrics = OvershootMetrics.lookup(getCamelContext(), metricsEnabled);
        } else if (Boolean.TRUE.equals(metricsEnabled)) {
            throw new IllegalStateException("metricsEnabled=true needs Micrometer (io.micrometer:micrometer-core)"
                    + " on the classpath");
        }
    }

    SharedStreams streams() {
        return streams;
    }

    synchronized HttpClient httpClient() {
        if (httpClient == null) {
            httpClient = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
        }
        return httpClient;
    }

    /** Where LiveKit rooms are joined, off the routes' threads (the first join loads WebRTC). */
    synchronized ExecutorService mediaExecutor() {
        if (mediaExecutor == null) {
            mediaExecutor = getCamelContext().getExecutorServiceManager().newSingleThreadExecutor(this, "OvershootMedia");
        }
        return mediaExecutor;
    }

    synchronized WebRtcRuntime webRtcRuntime() {
        if (webRtcRuntime == null) {
            webRtcRuntime = new WebRtcRuntime();
        }
        return webRtcRuntime;
    }

    /** Runs after the routes stopped, so every stream, transport and frame bridge is closed already. */
    @Override
    protected void doStop() throws Exception {
        ExecutorService executor;
        WebRtcRuntime runtime;
        synchronized (this) {
            executor = mediaExecutor;
            runtime = webRtcRuntime;
            mediaExecutor = null;
            webRtcRuntime = null;
            httpClient = null;
            metrics = StreamMetrics.Factory.NONE;
        }
        if (executor != null) {
            getCamelContext().getExecutorServiceManager().shutdownNow(executor);
        }
        if (runtime != null) {
            runtime.close();
        }
        super.doStop();
    }
}
