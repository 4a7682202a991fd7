package dev.camelovershoot.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends JSON requests with the API key and maps responses to records or exceptions. Holds the only key copy.
 * Public so that the v1 client ({@code client.v1}) shares it; not meant for applications.
 */
public final class HttpApi {

    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);
    private static final String REDACTED = "***";

    /** Reads a successful body. */
    @FunctionalInterface
    public interface BodyReader<T> {
        T read(String body) throws JsonProcessingException;
    }

    /** Reads a successful body together with its response headers (rate limits, region). */
    @FunctionalInterface
    public interface ResponseReader<T> {
        T read(String body, HttpHeaders headers) throws JsonProcessingException;
    }

    private final HttpClient client;
    private final String baseUrl;
    private final String apiKey;
    private final Duration timeout;

    public HttpApi(HttpClient client, String baseUrl, String apiKey, Duration timeout) {
        this.client = client;
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
        this.timeout = timeout;
    }

    public <T> CompletableFuture<T> send(String method, String path, Object body, BodyReader<T> reader) {
        return send(method, path, body, timeout, (text, headers) -> reader.read(text));
    }

    /** Like {@link #send(String, String, Object, BodyReader)} with its own timeout and the response headers. */
    public <T> CompletableFuture<T> send(String method, String path, Object body, Duration requestTimeout,
                                         ResponseReader<T> reader) {
        String call = method + " " + path;
        HttpRequest request = request(method, path, body, requestTimeout, "application/json");
        LOG.debug("{}", call);
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .handle((response, error) -> {
                    if (error != null) {
                        throw networkFailure(call, Futures.strip(error), requestTimeout);
                    }
                    return read(call, response, reader);
                });
    }

    /**
     * Sends a request whose successful answer is a stream of lines ({@code text/event-stream}), each handed to
     * {@code lines} as it arrives; an error status is read whole and mapped to its exception as usual. The future
     * completes with the response headers once the body has ended.
     */
    public CompletableFuture<HttpHeaders> stream(String method, String path, Object body, Duration requestTimeout,
                                                 Flow.Subscriber<String> lines) {
        String call = method + " " + path;
        HttpRequest request = request(method, path, body, requestTimeout, "text/event-stream");
        LOG.debug("{} (streaming)", call);
        HttpResponse.BodyHandler<String> handler = info -> isSuccess(info.statusCode())
                ? HttpResponse.BodySubscribers.fromLineSubscriber(lines, ignored -> null, StandardCharsets.UTF_8, null)
                : HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8);
        return client.sendAsync(request, handler)
                .handle((response, error) -> {
                    if (error != null) {
                        throw networkFailure(call, Futures.strip(error), requestTimeout);
                    }
                    LOG.debug("{} -> {}", call, response.statusCode());
                    if (!isSuccess(response.statusCode())) {
                        throw ApiErrors.toException(response.statusCode(), call, response.body(), response.headers(),
                                this::redact);
                    }
                    return response.headers();
                });
    }

    private HttpRequest request(String method, String path, Object body, Duration requestTimeout, String accept) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(requestTimeout)
                .header("Authorization", "Bearer " + apiKey)
                .header("Content-Type", "application/json")
                .header("Accept", accept)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(Json.write(body)))
                .build();
    }

    private <T> T read(String call, HttpResponse<String> response, ResponseReader<T> reader) {
        int status = response.statusCode();
        LOG.debug("{} -> {}", call, status);
        if (!isSuccess(status)) {
            throw ApiErrors.toException(status, call, response.body(), response.headers(), this::redact);
        }
        String body = response.body() == null || response.body().isBlank() ? "{}" : response.body();
        try {
            return reader.read(body, response.headers());
        } catch (JsonProcessingException e) {
            throw new OvershootException("The service sent an unreadable response to " + call + " (HTTP " + status
                    + "): " + redact(e.getOriginalMessage()) + ". Check that the base URL " + baseUrl
                    + " points at the API version this client speaks.");
        }
    }

    private static boolean isSuccess(int status) {
        return status >= 200 && status <= 299;
    }

    private NetworkException networkFailure(String call, Throwable reason, Duration requestTimeout) {
        String what = reason instanceof HttpTimeoutException
                ? "no answer within " + requestTimeout.toMillis() + " ms"
                : reason.getClass().getSimpleName() + (reason.getMessage() == null ? "" : ": " + reason.getMessage());
        return new NetworkException(redact("Could not complete " + call + " at " + baseUrl + " (" + what
                + "). Check the network and the base URL; the call may be retried."), reason);
    }

    /** Removes the key from text that came from elsewhere, in case a server or library echoed it. */
    public String redact(String text) {
        return text == null ? null : text.replace(apiKey, REDACTED);
    }

    public HttpClient client() {
        return client;
    }

    public Duration timeout() {
        return timeout;
    }

    /** The first message of a results channel: the only place the key leaves in a body. */
    String authMessage() {
        return Json.write(Map.of("api_key", apiKey));
    }
}
