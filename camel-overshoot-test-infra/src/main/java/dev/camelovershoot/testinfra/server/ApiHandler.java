package dev.camelovershoot.testinfra.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelovershoot.testinfra.RecordedRequest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST API on Jetty's core handler API: finds the route under the base path, checks the Bearer key, runs the
 * endpoint and writes its JSON reply (none for 204), or the error body {@code {error, request_id, details}} (the v0.2
 * OpenAPI's {@code ErrorResponse}; the message goes to the log, not to the client). Every reply
 * carries {@code X-Request-Id}, and every request is recorded for tests.
 */
final class ApiHandler extends Handler.Abstract {

    private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);
    private static final String BEARER = "bearer ";

    private final String basePath;
    private final List<Route> routes;
    private final Predicate<String> apiKeys;
    private final Consumer<RecordedRequest> journal;

    ApiHandler(String basePath, List<Route> routes, Predicate<String> apiKeys, Consumer<RecordedRequest> journal) {
        this.basePath = basePath;
        this.routes = List.copyOf(routes);
        this.apiKeys = apiKeys;
        this.journal = journal;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String requestId = Ids.request();
        String fullPath = Request.getPathInContext(request);
        boolean underBase = fullPath.startsWith(basePath + "/");
        String path = underBase ? fullPath.substring(basePath.length()) : fullPath;
        CompletableFuture<Route.Reply> reply;
        try {
            reply = underBase ? dispatch(request, path) : CompletableFuture.failedFuture(notFound());
        } catch (RuntimeException e) {
            reply = CompletableFuture.failedFuture(e);
        }
        reply.whenComplete((ok, failure) -> {
            ApiException error = failure == null ? null : asApiException(failure, request, path);
            if (error != null && error.status() >= 400 && error.status() < 500) {
                LOG.debug("{} {}: {} {}", request.getMethod(), path, error.status(), error.getMessage());
            }
            int status = error == null ? ok.status() : error.status();
            journal.accept(new RecordedRequest(request.getMethod(), path, status));
            JsonNode body = error == null ? ok.body() : Responses.error(error, requestId);
            Map<String, String> headers = error == null ? Map.of() : error.headers();
            // Read what the endpoint left of the request body first: answering before it is read makes Jetty drop
            // the connection after the answer, and a client that reuses the connection finds it closed.
            Content.Source.consumeAll(request, Callback.from(() -> write(response, callback, status, body, headers,
                    requestId), unread -> write(response, callback, status, body, headers, requestId)));
        });
        return true;
    }

    private CompletableFuture<Route.Reply> dispatch(Request request, String path) {
        RouteLookup<Route> lookup = RouteLookup.find(routes, Route::method, Route::path, request.getMethod(), path);
        if (lookup.found()) {
            String apiKey = lookup.route().authenticated() ? authenticate(request) : null;
            return lookup.route().endpoint().handle(new Call(request, apiKey, lookup.params()));
        }
        if (!lookup.allowed().isEmpty()) {
            throw new ApiException(405, "method_not_allowed", "Use " + String.join(" or ", lookup.allowed()), null,
                    Map.of("Allow", String.join(", ", lookup.allowed())));
        }
        throw notFound();
    }

    private String authenticate(Request request) {
        String header = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        boolean bearer = header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length());
        String key = bearer ? header.substring(BEARER.length()).trim() : null;
        if (!apiKeys.test(key)) {
            throw new ApiException(401, "unauthorized", "Invalid or missing API key", null,
                    Map.of("WWW-Authenticate", "Bearer"));
        }
        return key;
    }

    private static ApiException notFound() {
        return new ApiException(404, "not_found", "No such endpoint");
    }

    private static ApiException asApiException(Throwable failure, Request request, String path) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof ApiException api) {
            return api;
        }
        LOG.warn("{} {} failed", request.getMethod(), path, cause);
        return new ApiException(500, "internal", "Internal error");
    }

    private static void write(Response response, Callback callback, int status, JsonNode body,
                              Map<String, String> headers, String requestId) {
        response.setStatus(status);
        HttpFields.Mutable fields = response.getHeaders();
        fields.put("X-Request-Id", requestId);
        headers.forEach((name, value) -> fields.put(new HttpField(name, value)));
        if (body == null) {
            callback.succeeded();
            return;
        }
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        Content.Sink.write(response, true, body.toString(), callback);
    }
}
