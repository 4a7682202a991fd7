package dev.camelovershoot.client.v1;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.camelovershoot.client.ApiSettings;
import dev.camelovershoot.client.Futures;
import dev.camelovershoot.client.HttpApi;
import dev.camelovershoot.client.Json;
import dev.camelovershoot.client.NotFoundException;
import dev.camelovershoot.client.OvershootException;
import dev.camelovershoot.client.ReconnectPolicy;
import dev.camelovershoot.client.ServerException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Overshoot v1 (v1beta) HTTP API: one method per endpoint, each asynchronous ({@code …Async}) and blocking.
 * Thread-safe; share one instance, it holds one {@link HttpClient}.
 *
 * <p>Failures are the v0.2 client's exceptions: {@code ApiException} subclasses by status (the v1 bodies,
 * {@code {"detail": ...}}, are read into them), {@code FrameUnavailableException} for an exact frame not produced
 * yet (409) or evicted (410), {@code NetworkException} when the service cannot be reached. A 503 (service draining
 * or starting) is retried as {@link Builder#unavailableRetry(ReconnectPolicy)} says before it is reported.
 */
public final class V1Client {

    public static final String DEFAULT_BASE_URL = "https://api.overshoot.ai/v1beta";
    public static final String API_KEY_ENV = ApiSettings.API_KEY_ENV;

    private static final Logger LOG = LoggerFactory.getLogger(V1Client.class);
    private static final TypeReference<List<Model>> MODELS = new TypeReference<>() { };
    private static final int UNAVAILABLE = 503;

    private final String baseUrl;
    private final HttpApi http;
    private final ReconnectPolicy unavailableRetry;

    private V1Client(String baseUrl, HttpApi http, ReconnectPolicy unavailableRetry) {
        this.baseUrl = baseUrl;
        this.http = http;
        this.unavailableRetry = unavailableRetry;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code POST /streams}: a stream the client publishes into (see {@link CreatedStream#publish()}). */
    public CompletableFuture<CreatedStream> createStreamAsync(CreateStreamRequest request) {
        return retrying("POST /streams", () -> http.send("POST", "/streams", request,
                body -> Json.read(body, CreatedStream.class)));
    }

    public CreatedStream createStream() {
        return Futures.await(createStreamAsync(CreateStreamRequest.published()));
    }

    /** {@code POST /streams} with a camera the service pulls; 422 when it cannot connect (after about 15 s). */
    public CreatedStream createStream(CameraSource camera) {
        return Futures.await(createStreamAsync(CreateStreamRequest.camera(camera)));
    }

    /** {@code POST /streams/{id}/keepalive}: renews the lease; brings a fresh publish token. */
    public CompletableFuture<KeepaliveResult> keepaliveAsync(String streamId) {
        return retrying("keepalive", () -> http.send("POST", path(streamId) + "/keepalive", null,
                body -> Json.read(body, KeepaliveResult.class)));
    }

    public KeepaliveResult keepalive(String streamId) {
        return Futures.await(keepaliveAsync(streamId));
    }

    /** {@code GET /streams/{id}}: the frame buffer's state; an ended stream keeps its final values. */
    public CompletableFuture<StreamInfo> streamAsync(String streamId) {
        return retrying("GET stream", () -> http.send("GET", path(streamId), null,
                body -> Json.read(body, StreamInfo.class)));
    }

    public StreamInfo stream(String streamId) {
        return Futures.await(streamAsync(streamId));
    }

    /**
     * {@code DELETE /streams/{id}}, idempotent: a stream the service no longer knows (404) counts as deleted and
     * gives {@code deleted=false}.
     */
    public CompletableFuture<DeletedStream> deleteStreamAsync(String streamId) {
        return retrying("DELETE stream", () -> http.send("DELETE", path(streamId), null,
                body -> Json.read(body, DeletedStream.class)))
                .exceptionallyCompose(error -> Futures.unwrap(error) instanceof NotFoundException
                        ? CompletableFuture.completedFuture(new DeletedStream(streamId, false))
                        : CompletableFuture.failedFuture(Futures.unwrap(error)));
    }

    public DeletedStream deleteStream(String streamId) {
        return Futures.await(deleteStreamAsync(streamId));
    }

    /** {@code POST /streams/{id}/viewer-token}: a subscribe-only LiveKit grant for watching the stream. */
    public CompletableFuture<ViewerToken> viewerTokenAsync(String streamId) {
        return retrying("viewer token", () -> http.send("POST", path(streamId) + "/viewer-token", null,
                body -> Json.MAPPER.treeToValue(Json.tree(body).path("view"), ViewerToken.class)));
    }

    public ViewerToken viewerToken(String streamId) {
        return Futures.await(viewerTokenAsync(streamId));
    }

    /** {@code GET /models} (no key needed, one is sent anyway): OpenAI's {@code {"object":"list","data":[...]}}. */
    public CompletableFuture<List<Model>> modelsAsync() {
        return retrying("GET /models", () -> http.send("GET", "/models", null,
                body -> Json.MAPPER.convertValue(Json.tree(body).path("data"), MODELS)));
    }

    public List<Model> models() {
        return Futures.await(modelsAsync());
    }

    /** {@code POST /chat/completions} with the client's request timeout. */
    public CompletableFuture<ChatCompletion> chatAsync(ChatRequest request) {
        return chatAsync(request, http.timeout());
    }

    /** {@code POST /chat/completions}, waiting at most {@code timeout} for the answer. */
    public CompletableFuture<ChatCompletion> chatAsync(ChatRequest request, Duration timeout) {
        if (Boolean.TRUE.equals(request.stream())) {
            throw new IllegalArgumentException("A streaming request goes to chatStreamAsync, which reads its events");
        }
        return retrying("chat completion", () -> http.send("POST", "/chat/completions", request, timeout,
                (body, headers) -> Json.read(body, ChatCompletion.class)));
    }

    public ChatCompletion chat(ChatRequest request) {
        return Futures.await(chatAsync(request));
    }

    /**
     * {@code POST /chat/completions} with {@code stream: true}: each chunk goes to {@code chunks} as its
     * server-sent event arrives (on the HTTP client's thread, in order); the future completes with the whole answer
     * assembled after {@code data: [DONE]}. An answer cut off before {@code [DONE]} fails it.
     */
    public CompletableFuture<ChatCompletion> chatStreamAsync(ChatRequest request, Consumer<ChatChunk> chunks) {
        ChatRequest streaming = request.streaming();
        return retrying("streamed chat completion", () -> {
            ChatStream events = new ChatStream(chunks);
            return http.stream("POST", "/chat/completions", streaming, http.timeout(), new ServerSentEvents(events))
                    .thenApply(headers -> events.completion());
        });
    }

    public ChatCompletion chatStream(ChatRequest request, Consumer<ChatChunk> chunks) {
        return Futures.await(chatStreamAsync(request, chunks));
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** The request timeout of each call. */
    public Duration requestTimeout() {
        return http.timeout();
    }

    @Override
    public String toString() {
        return "V1Client[baseUrl=" + baseUrl + ", apiKey=***]";
    }

    private static String path(String streamId) {
        return "/streams/" + Objects.requireNonNull(streamId, "streamId");
    }

    /** Runs {@code call}, again after a backoff while the service answers 503 and the policy allows. */
    private <T> CompletableFuture<T> retrying(String what, Supplier<CompletableFuture<T>> call) {
        return attempt(0, what, call);
    }

    private <T> CompletableFuture<T> attempt(int failures, String what, Supplier<CompletableFuture<T>> call) {
        return Futures.call(call).handle((value, error) -> {
            if (error == null) {
                return CompletableFuture.completedFuture(value);
            }
            OvershootException failure = Futures.unwrap(error);
            if (!(failure instanceof ServerException server && server.status() == UNAVAILABLE)
                    || unavailableRetry.exhausted(failures + 1)) {
                return CompletableFuture.<T>failedFuture(failure);
            }
            Duration wait = unavailableRetry.delayBefore(failures);
            LOG.warn("{}: the service is unavailable (503), try {} again in {} ms", what,
                    unavailableRetry.describe(failures + 1), wait.toMillis());
            Executor later = CompletableFuture.delayedExecutor(wait.toMillis(), TimeUnit.MILLISECONDS, Runnable::run);
            return CompletableFuture.runAsync(() -> { }, later)
                    .thenCompose(ignored -> attempt(failures + 1, what, call));
        }).thenCompose(next -> next);
    }

    /**
     * Settings of a {@link V1Client}: those of {@link ApiSettings} (default base URL
     * {@value V1Client#DEFAULT_BASE_URL}; {@code …/v1} is the same API) and the 503 retry.
     */
    public static final class Builder extends ApiSettings<Builder> {

        private ReconnectPolicy unavailableRetry = new ReconnectPolicy(Duration.ofMillis(500), Duration.ofSeconds(4),
                4);

        private Builder() {
            super(DEFAULT_BASE_URL);
        }

        @Override
        protected Builder self() {
            return this;
        }

        /** How a 503 is retried before it is reported; default 4 tries in all, 0.5 s doubling to 4 s. */
        public Builder unavailableRetry(ReconnectPolicy unavailableRetry) {
            this.unavailableRetry = Objects.requireNonNull(unavailableRetry, "unavailableRetry");
            return this;
        }

        public V1Client build() {
            return new V1Client(resolvedBaseUrl(), httpApi(), unavailableRetry);
        }
    }
}
