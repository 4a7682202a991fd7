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

    private final SharedStreams<SharedStream> streams = new SharedStreams<>(this, SharedStream::start);
    private final SharedStreams<V1Stream> v1Streams = new SharedStreams<>(this, V1Stream::start);
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

    SharedStreams<SharedStream> streams() {
        return streams;
    }

    SharedStreams<V1Stream> v1Streams() {
        return v1Streams;
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
