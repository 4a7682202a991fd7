package dev.camelovershoot.component;

import dev.camelovershoot.transport.rtc.WebRtcRuntime;
import java.net.http.HttpClient;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.camel.Endpoint;
import org.apache.camel.SSLContextParametersAware;
import org.apache.camel.spi.ExecutorServiceManager;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.ShutdownStrategy;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code overshoot:} component: real-time video AI results from Overshoot streams. Holds what its streams share:
 * the default configuration, one HTTP client, the WebRTC engine (loaded only when a stream first sends video, closed
 * with the component once every stream is torn down), the threads of its streams (all from Camel's
 * {@link ExecutorServiceManager}) and the registry of streams by name.
 */
@Component("overshoot")
public class OvershootComponent extends HealthCheckComponent implements SSLContextParametersAware {

    private static final Logger LOG = LoggerFactory.getLogger(OvershootComponent.class);

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
              description = "Makes the component's HTTP clients (one for REST and signalling, one for the results"
                      + " WebSockets) from a builder set up with the options above; autowired when the registry holds"
                      + " exactly one.")
    private OvershootHttpClientFactory httpClientFactory;

    @Metadata(label = "advanced", description = "Whether to record metrics (Micrometer, when it is on the classpath):"
            + " unset, they are recorded when a MeterRegistry is in the registry; true records them there or, without"
            + " one, in Micrometer's global registry; false never records them.")
    private Boolean metricsEnabled;

    private final SharedStreams<SharedStream> streams = new SharedStreams<>(this, SharedStream::start);
    private final SharedStreams<V1Stream> v1Streams = new SharedStreams<>(this, V1Stream::start);
    private StreamMetrics.Factory metrics = StreamMetrics.Factory.NONE;
    /** Streams being closed: the WebRTC runtime outlives them all. */
    private final Set<CompletableFuture<Void>> teardowns = ConcurrentHashMap.newKeySet();
    private HttpClient httpClient;
    private HttpClient resultsHttpClient;
    private ExecutorService httpExecutor;
    private ExecutorService mediaExecutor;
    private ExecutorService asyncExecutor;
    private ScheduledExecutorService timer;
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

    SharedStreams<SharedStream> streams() {
        return streams;
    }

    SharedStreams<V1Stream> v1Streams() {
        return v1Streams;
    }

    /**
     * One HTTP client for every stream; its responses and WebSocket messages arrive on Camel-named threads of a pool
     * the component owns, not Camel's, since it must outlive the CamelContext's own pools for the streams that are
     * still closing when those are shut down.
     */
    synchronized HttpClient httpClient() {
        if (httpClient == null) {
            ExecutorServiceManager manager = getCamelContext().getExecutorServiceManager();
            httpExecutor = Executors.newCachedThreadPool(task -> manager.newThread("OvershootHttp", task));
            HttpClient.Builder builder = HttpClients.builder(getCamelContext(), tls(), proxy).executor(httpExecutor);
            httpClient = httpClientFactory == null ? builder.build() : httpClientFactory.newHttpClient(builder);
        }
        return httpClient;
    }

    /**
     * The HTTP client of the streams' results WebSockets, with the same settings: a result is parsed and put into
     * each consumer's buffer on the thread that read it (this client's selector thread, through a direct executor),
     * which saves the JDK's hand-off to a pool thread per result. Nothing on that path may block: a buffer takes a
     * result at once, and each consumer's own thread runs its route.
     */
    synchronized HttpClient resultsHttpClient() {
        if (resultsHttpClient == null) {
            HttpClient.Builder builder = HttpClients.builder(getCamelContext(), tls(), proxy).executor(Runnable::run);
            resultsHttpClient = httpClientFactory == null ? builder.build() : httpClientFactory.newHttpClient(builder);
        }
        return resultsHttpClient;
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

    /**
     * Where a producer's exchange goes on once the service answered, instead of the HTTP client's or a session's
     * thread; once the component stopped, on the completing thread (an exchange must never be left hanging).
     */
    Executor asyncExecutor() {
        ExecutorService executor;
        synchronized (this) {
            if (asyncExecutor == null) {
                asyncExecutor = getCamelContext().getExecutorServiceManager().newDefaultThreadPool(this,
                        "OvershootAsync");
            }
            executor = asyncExecutor;
        }
        return task -> {
            try {
                executor.execute(task);
            } catch (RejectedExecutionException stopped) {
                task.run();
            }
        };
    }

    /**
     * Where the keyed streams of every endpoint name are swept for idleness, and dropped sources are reopened: one
     * thread for the component, for short tasks.
     */
    synchronized ScheduledExecutorService timer() {
        if (timer == null) {
            timer = getCamelContext().getExecutorServiceManager().newSingleThreadScheduledExecutor(this,
                    "OvershootTimer");
        }
        return timer;
    }

    /**
     * The threads of a stream's client and session ({@code role} null: the client appends its own), transport and
     * source: Camel's, named {@code Overshoot[stream] role} after Camel's thread name pattern.
     */
    ThreadFactory streamThreads(String streamName, String role) {
        ExecutorServiceManager manager = getCamelContext().getExecutorServiceManager();
        String name = "Overshoot[" + streamName + "]" + (role == null ? "" : " " + role);
        return task -> manager.newThread(name, task);
    }

    synchronized WebRtcRuntime webRtcRuntime() {
        if (webRtcRuntime == null) {
            webRtcRuntime = new WebRtcRuntime();
        }
        return webRtcRuntime;
    }

    /** A stream's close under way; {@link #doStop()} waits for it, and the WebRTC runtime outlives it. */
    void tearingDown(CompletableFuture<Void> teardown) {
        teardowns.add(teardown);
        teardown.whenComplete((ignored, error) -> teardowns.remove(teardown));
    }

    /**
     * Runs after the routes stopped: their streams close in parallel; waits for them within Camel's shutdown
     * timeout, then releases the WebRTC runtime once the last of them finished (later, if one is still under way).
     */
    @Override
    protected void doStop() throws Exception {
        int closing = teardowns.size();
        CompletableFuture<Void> closed = CompletableFuture.allOf(teardowns.toArray(CompletableFuture[]::new));
        awaitClosed(closed, closing + " Overshoot streams");
        ExecutorService media;
        ExecutorService async;
        ExecutorService http;
        ExecutorService scheduler;
        WebRtcRuntime runtime;
        synchronized (this) {
            scheduler = timer;
            timer = null;
            media = mediaExecutor;
            async = asyncExecutor;
            http = httpExecutor;
            runtime = webRtcRuntime;
            mediaExecutor = null;
            asyncExecutor = null;
            httpExecutor = null;
            webRtcRuntime = null;
            httpClient = null;
            resultsHttpClient = null;
            metrics = StreamMetrics.Factory.NONE;
        }
        ExecutorServiceManager manager = getCamelContext().getExecutorServiceManager();
        if (media != null) {
            manager.shutdownNow(media);
        }
        if (scheduler != null) {
            manager.shutdownNow(scheduler);
        }
        if (async != null) {
            manager.shutdown(async);
        }
        closed.whenComplete((ignored, error) -> {
            if (runtime != null) {
                runtime.close();
            }
            if (http != null) {
                http.shutdown();
            }
        });
        super.doStop();
    }

    /** Waits for streams to close, at most Camel's shutdown timeout; one still closing then is left to its lease. */
    void awaitClosed(CompletableFuture<Void> closed, String what) {
        ShutdownStrategy shutdown = getCamelContext().getShutdownStrategy();
        long bound = shutdown.getTimeUnit().toMillis(shutdown.getTimeout());
        try {
            closed.get(bound, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (TimeoutException e) {
            LOG.warn("{} did not close within the shutdown timeout of {} ms; the lease ends it on the service, and"
                    + " WebRTC is released once it has", what, bound);
        } catch (ExecutionException e) {
            LOG.warn("{} failed to close: {}", what, e.getCause().getMessage());
        }
    }
}
