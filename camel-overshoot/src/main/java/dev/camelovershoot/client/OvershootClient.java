package dev.camelovershoot.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.camelovershoot.client.wire.KeepaliveResponse;
import dev.camelovershoot.client.wire.ModelInfo;
import dev.camelovershoot.client.wire.PromptUpdate;
import dev.camelovershoot.client.wire.ReinferRequest;
import dev.camelovershoot.client.wire.ReinferResult;
import dev.camelovershoot.client.wire.Status;
import dev.camelovershoot.client.wire.StreamConfig;
import dev.camelovershoot.client.wire.StreamCreated;
import dev.camelovershoot.client.wire.StreamRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;

/**
 * The Overshoot v0.2 HTTP API: one method per endpoint, each asynchronous ({@code …Async}, never blocking the
 * caller) and blocking. Thread-safe; share one instance, it holds one {@link HttpClient}.
 *
 * <p>Failures are {@link OvershootException}s: {@link ApiException} subclasses for error statuses and
 * {@link NetworkException} when the service cannot be reached. Blocking methods throw them; asynchronous ones
 * complete exceptionally with them.
 */
public final class OvershootClient {

    public static final String DEFAULT_BASE_URL = "https://api.overshoot.ai/v0.2";
    public static final String API_KEY_ENV = ApiSettings.API_KEY_ENV;

    private static final TypeReference<List<ModelInfo>> MODEL_LIST = new TypeReference<>() { };
    /** How long the retry thread stays without work before it ends (it comes back for the next retry). */
    private static final long RETRY_THREAD_IDLE_SECONDS = 10;

    private final String baseUrl;
    private final HttpApi http;
    /** Where results WebSockets connect: the builder's {@code resultsHttpClient}, else the REST client. */
    private final HttpClient resultsHttp;
    private final RetryPolicy reinferRetry;
    private final ThreadFactory threads;
    private final ScheduledExecutorService retries;

    private OvershootClient(Builder builder) {
        this.baseUrl = builder.resolvedBaseUrl();
        this.reinferRetry = builder.reinferRetry;
        this.threads = builder.threadFactory;
        this.retries = Threads.idling(Threads.factory(threads, "retry"), RETRY_THREAD_IDLE_SECONDS);
        this.http = builder.httpApi();
        this.resultsHttp = builder.resultsHttpClient != null ? builder.resultsHttpClient : http.client();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code POST /streams}: creates a stream; its lease starts now. */
    public CompletableFuture<StreamCreated> createStreamAsync(StreamRequest request) {
        return http.send("POST", "/streams", request, body -> Json.read(body, StreamCreated.class));
    }

    public StreamCreated createStream(StreamRequest request) {
        return Futures.await(createStreamAsync(request));
    }

    /** {@code POST /streams/{id}/keepalive}: renews the lease, charges the time since the last one. */
    public CompletableFuture<KeepaliveResponse> keepaliveAsync(String streamId) {
        return http.send("POST", streamPath(streamId) + "/keepalive", null,
                body -> Json.read(body, KeepaliveResponse.class));
    }

    public KeepaliveResponse keepalive(String streamId) {
        return Futures.await(keepaliveAsync(streamId));
    }

    /** {@code PATCH /streams/{id}/config/prompt}: the new prompt applies from the next inference. */
    public CompletableFuture<StreamConfig> updatePromptAsync(String streamId, String prompt) {
        return http.send("PATCH", streamPath(streamId) + "/config/prompt",
                new PromptUpdate(Objects.requireNonNull(prompt, "prompt")),
                body -> Json.read(body, StreamConfig.class));
    }

    public StreamConfig updatePrompt(String streamId, String prompt) {
        return Futures.await(updatePromptAsync(streamId, prompt));
    }

    /** {@code DELETE /streams/{id}}: ends the stream, charges the rest, closes its results channels. */
    public CompletableFuture<Status> deleteStreamAsync(String streamId) {
        return http.send("DELETE", streamPath(streamId), null, body -> Json.read(body, Status.class));
    }

    public Status deleteStream(String streamId) {
        return Futures.await(deleteStreamAsync(streamId));
    }

    /** {@code GET /models}: the models and whether they accept new streams. */
    public CompletableFuture<List<ModelInfo>> listModelsAsync() {
        return http.send("GET", "/models", null, OvershootClient::readModels);
    }

    public List<ModelInfo> listModels() {
        return Futures.await(listModelsAsync());
    }

    /** {@code GET /healthz}: any success counts as healthy, whatever the body. */
    public CompletableFuture<Status> healthAsync() {
        return http.send("GET", "/healthz", null, OvershootClient::readHealth);
    }

    public Status health() {
        return Futures.await(healthAsync());
    }

    /**
     * {@code POST /chat/completions/clip}: runs a new prompt on the clip behind an earlier result. A clip is stored
     * a second or two after its result is pushed, so a 404 is retried as the {@code reinferRetry} policy says.
     */
    public CompletableFuture<ReinferResult> reinferAsync(ReinferRequest request) {
        return reinferRetry.run("Reinfer of result " + request.resultId(),
                () -> http.send("POST", "/chat/completions/clip", request,
                        body -> Json.read(body, ReinferResult.class)),
                NotFoundException.class::isInstance, retries);
    }

    public ReinferResult reinfer(ReinferRequest request) {
        return Futures.await(reinferAsync(request));
    }

    /** Opens a results channel for a stream created elsewhere; it runs on its own thread until closed. */
    public ResultsChannel openResults(String streamId, ReconnectPolicy policy, ResultsChannel.Listener listener) {
        return ResultsChannel.open(this, streamId, policy, listener, threads);
    }

    public String baseUrl() {
        return baseUrl;
    }

    HttpApi http() {
        return http;
    }

    HttpClient resultsHttp() {
        return resultsHttp;
    }

    /** The factory given to the builder, or null for the client's own thread naming. */
    ThreadFactory threadFactory() {
        return threads;
    }

    /** {@code https://host/v0.2} becomes {@code wss://host/v0.2/ws/streams/{id}}. */
    URI resultsUri(String streamId) {
        return URI.create(baseUrl.replaceFirst("^http", "ws") + "/ws/streams/" + streamId);
    }

    @Override
    public String toString() {
        return "OvershootClient[baseUrl=" + baseUrl + ", apiKey=***]";
    }

    private static String streamPath(String streamId) {
        return "/streams/" + Objects.requireNonNull(streamId, "streamId");
    }

    /** A bare array, or {@code {"models": [...]}} as the Python SDK also accepts. */
    private static List<ModelInfo> readModels(String body) throws JsonProcessingException {
        JsonNode node = Json.tree(body);
        JsonNode array = node.isObject() ? node.path("models") : node;
        return Json.MAPPER.convertValue(array, MODEL_LIST);
    }

    private static Status readHealth(String body) {
        try {
            return Json.read(body, Status.class);
        } catch (JsonProcessingException notJson) {
            return new Status("ok");
        }
    }

    /**
     * Settings of an {@link OvershootClient}: those of {@link ApiSettings} (default base URL
     * {@value OvershootClient#DEFAULT_BASE_URL}) and the reinfer retry.
     */
    public static final class Builder extends ApiSettings<Builder> {

        private RetryPolicy reinferRetry = RetryPolicy.reinferDefaults();
        private ThreadFactory threadFactory;
        private HttpClient resultsHttpClient;

        private Builder() {
            super(DEFAULT_BASE_URL);
        }

        @Override
        protected Builder self() {
            return this;
        }

        /** How a reinfer call waits for its clip to be stored; default 4 tries, 1 s apart. */
        public Builder reinferRetry(RetryPolicy reinferRetry) {
            this.reinferRetry = Objects.requireNonNull(reinferRetry, "reinferRetry");
            return this;
        }

        /**
         * Where the client's threads come from (results channels opened on their own, reinfer retries), and by
         * default those of its {@link StreamSession}s; the role of each thread is appended to the name the factory
         * gives it. Default: daemon threads named {@code overshoot-<role>-<n>}.
         */
        public Builder threadFactory(ThreadFactory threadFactory) {
            this.threadFactory = threadFactory;
            return this;
        }

        /**
         * The HTTP client that results WebSockets connect with; default: the client of the REST calls. Its executor
         * runs each message's parsing and, when no other listener call is pending, the listener's {@code onResult}.
         * An executor that runs tasks where they are submitted ({@code Runnable::run}) saves the JDK's hand-off
         * from its selector thread per result, but then a listener must never block: it would hold up every
         * connection of that client.
         */
        public Builder resultsHttpClient(HttpClient resultsHttpClient) {
            this.resultsHttpClient = resultsHttpClient;
            return this;
        }

        public OvershootClient build() {
            return new OvershootClient(this);
        }
    }
}
