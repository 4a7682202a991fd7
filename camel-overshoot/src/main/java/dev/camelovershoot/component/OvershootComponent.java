package dev.camelovershoot.component;

import dev.camelovershoot.transport.rtc.WebRtcRuntime;
import java.net.http.HttpClient;
import java.util.HashSet;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import org.apache.camel.Endpoint;
import org.apache.camel.SSLContextParametersAware;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * The {@code overshoot:} component: real-time video AI results from Overshoot streams. Holds what its streams share:
 * the default configuration, one HTTP client, the WebRTC engine (loaded only when a stream first sends video, closed
 * with the component) and the registry of streams by name.
 */
@Component("overshoot")
public class OvershootComponent extends HealthCheckComponent implements SSLContextParametersAware {

    @Metadata(description = "Defaults for every endpoint of this component (apiUrl, apiKey, model, ...).")
    private OvershootConfiguration configuration = new OvershootConfiguration();
    @Metadata(label = "security", description = "TLS settings (trusted CAs, client key, protocols) for the REST API,"
            + " the results WebSocket and LiveKit signalling; by default the JVM's.")
    private SSLContextParameters sslContextParameters;
    @Metadata(label = "security", defaultValue = "false",
              description = "Use the CamelContext's global SSLContextParameters when sslContextParameters is not set.")
    private boolean useGlobalSslContextParameters;
    @Metadata(label = "proxy", description = "An HTTP proxy, host:port, for the REST API, the results WebSocket and"
            + " LiveKit signalling (video itself goes over WebRTC, not through it).")
    private String proxy;
    @Metadata(label = "advanced", autowired = true,
              description = "Makes the component's HTTP client from a builder set up with the options above;"
                      + " autowired when the registry holds exactly one.")
    private OvershootHttpClientFactory httpClientFactory;

    private final SharedStreams streams = new SharedStreams(this);
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

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    @Override
    public boolean isUseGlobalSslContextParameters() {
        return useGlobalSslContextParameters;
    }

    @Override
    public void setUseGlobalSslContextParameters(boolean useGlobalSslContextParameters) {
        this.useGlobalSslContextParameters = useGlobalSslContextParameters;
    }

    public String getProxy() {
        return proxy;
    }

    public void setProxy(String proxy) {
        this.proxy = proxy;
    }

    public OvershootHttpClientFactory getHttpClientFactory() {
        return httpClientFactory;
    }

    public void setHttpClientFactory(OvershootHttpClientFactory httpClientFactory) {
        this.httpClientFactory = httpClientFactory;
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        if (proxy != null && !proxy.isBlank()) {
            HttpClients.proxyAddress(proxy.strip());
        }
    }

    SharedStreams streams() {
        return streams;
    }

    synchronized HttpClient httpClient() {
        if (httpClient == null) {
            HttpClient.Builder builder = HttpClients.builder(getCamelContext(), tls(), proxy);
            httpClient = httpClientFactory == null ? builder.build() : httpClientFactory.newHttpClient(builder);
        }
        return httpClient;
    }

    private SSLContextParameters tls() {
        return sslContextParameters != null ? sslContextParameters
                : useGlobalSslContextParameters ? retrieveGlobalSslContextParameters() : null;
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
