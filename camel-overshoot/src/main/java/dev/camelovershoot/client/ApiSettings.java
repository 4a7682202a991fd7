package dev.camelovershoot.client;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * What the builders of the v0.2 and v1 clients share: where the API is, the key, timeouts and the HTTP client. Only
 * the API key has no default (it falls back to the environment variable {@value #API_KEY_ENV}).
 *
 * @param <B> the concrete builder, returned by each setter
 */
public abstract class ApiSettings<B extends ApiSettings<B>> {

    public static final String API_KEY_ENV = "OVERSHOOT_API_KEY";

    private String baseUrl;
    private String apiKey;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration requestTimeout = Duration.ofSeconds(30);
    private HttpClient httpClient;
    private Executor executor;

    protected ApiSettings(String defaultBaseUrl) {
        this.baseUrl = defaultBaseUrl;
    }

    protected abstract B self();

    /** The API's base URL, with its version segment. */
    public B baseUrl(String baseUrl) {
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        return self();
    }

    /** Default: the environment variable {@value #API_KEY_ENV}. */
    public B apiKey(String apiKey) {
        this.apiKey = apiKey;
        return self();
    }

    /** Default 10 s; ignored when an {@link HttpClient} is given. */
    public B connectTimeout(Duration connectTimeout) {
        this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
        return self();
    }

    /** Default 30 s, per request. */
    public B requestTimeout(Duration requestTimeout) {
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
        return self();
    }

    /** A shared client to use instead of a new one; its own connect timeout and executor then apply. */
    public B httpClient(HttpClient httpClient) {
        this.httpClient = httpClient;
        return self();
    }

    /** The executor of a new {@link HttpClient}: runs response handling and dependent stages. */
    public B executor(Executor executor) {
        this.executor = executor;
        return self();
    }

    /** The base URL without a trailing slash. */
    protected String resolvedBaseUrl() {
        return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** The HTTP side of a client built from these settings: fails when there is no API key. */
    protected HttpApi httpApi() {
        String key = apiKey != null ? apiKey : System.getenv(API_KEY_ENV);
        if (key == null || key.isBlank()) {
            throw new IllegalStateException("No Overshoot API key: set the " + API_KEY_ENV
                    + " environment variable or call apiKey(...) on the builder.");
        }
        HttpClient client = httpClient;
        if (client == null) {
            HttpClient.Builder http = HttpClient.newBuilder().connectTimeout(connectTimeout);
            if (executor != null) {
                http.executor(executor);
            }
            client = http.build();
        }
        return new HttpApi(client, resolvedBaseUrl(), key, requestTimeout);
    }

    @Override
    public String toString() {
        String name = getClass().getName();
        return name.substring(name.lastIndexOf('.') + 1).replace('$', '.') + "[baseUrl=" + baseUrl + ", apiKey="
                + (apiKey == null ? "null" : "***") + "]";
    }
}
