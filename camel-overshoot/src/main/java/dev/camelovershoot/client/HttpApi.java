package dev.camelovershoot.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends JSON requests with the API key and maps responses to records or exceptions. Holds the only key copy. */
final class HttpApi {

    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);
    private static final String REDACTED = "***";

    /** Reads a successful body. */
    @FunctionalInterface
    interface BodyReader<T> {
        T read(String body) throws JsonProcessingException;
    }

    private final HttpClient client;
    private final String baseUrl;
    private final String apiKey;
    private final Duration timeout;

    HttpApi(HttpClient client, String baseUrl, String apiKey, Duration timeout) {
        this.client = client;
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
        this.timeout = timeout;
    }

    <T> CompletableFuture<T> send(String method, String path, Object body, BodyReader<T> reader) {
        String call = method + " " + path;
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(timeout)
                .header("Authorization", "Bearer " + apiKey)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(Json.write(body)))
                .build();
        LOG.debug("{}", call);
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .handle((response, error) -> {
                    if (error != null) {
                        throw networkFailure(call, Futures.strip(error));
                    }
                    return read(call, response, reader);
                });
    }

    private <T> T read(String call, HttpResponse<String> response, BodyReader<T> reader) {
        int status = response.statusCode();
        LOG.debug("{} -> {}", call, status);
        if (status < 200 || status > 299) {
            throw ApiErrors.toException(status, call, response.body(), response.headers(), this::redact);
        }
        String body = response.body() == null || response.body().isBlank() ? "{}" : response.body();
        try {
            return reader.read(body);
        } catch (JsonProcessingException e) {
            throw new OvershootException("The service sent an unreadable response to " + call + " (HTTP " + status
                    + "): " + redact(e.getOriginalMessage()) + ". Check that the base URL points at the v0.2 API.");
        }
    }

    private NetworkException networkFailure(String call, Throwable reason) {
        String what = reason instanceof HttpTimeoutException
                ? "no answer within " + timeout.toMillis() + " ms"
                : reason.getClass().getSimpleName() + (reason.getMessage() == null ? "" : ": " + reason.getMessage());
        return new NetworkException(redact("Could not complete " + call + " at " + baseUrl + " (" + what
                + "). Check the network and the base URL; the call may be retried."), reason);
    }

    /** Removes the key from text that came from elsewhere, in case a server or library echoed it. */
    String redact(String text) {
        return text == null ? null : text.replace(apiKey, REDACTED);
    }

    HttpClient client() {
        return client;
    }

    Duration timeout() {
        return timeout;
    }

    /** The first message of a results channel: the only place the key leaves in a body. */
    String authMessage() {
        return Json.write(Map.of("api_key", apiKey));
    }
}
