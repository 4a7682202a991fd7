package dev.camelovershoot.testinfra.v1;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelovershoot.testinfra.RecordedRequest;
import dev.camelovershoot.testinfra.server.RequestUrls;
import dev.camelovershoot.testinfra.server.RouteLookup;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The v1beta API under {@code /v1beta} and its {@code /v1} alias, on the same server as v0.2: finds the route,
 * checks the Bearer key, runs the endpoint and writes JSON, server-sent events or a FastAPI-style error. Requests
 * outside both prefixes are left to the next handler. Every request is recorded for tests.
 */
final class V1Handler extends Handler.Abstract {

    /** The prefixes served; the first is the one the emulator advertises. */
    static final List<String> PREFIXES = List.of("/v1beta", "/v1");
    /** The service's regions; the emulator serves one. */
    static final String REGION = "us-west1";
    private static final String BEARER = "bearer ";
    private static final Logger LOG = LoggerFactory.getLogger(V1Handler.class);

    /** One endpoint: method, path pattern after the prefix (groups are path parameters), auth, what it does. */
    record Route(String method, Pattern path, boolean authenticated, Endpoint endpoint) {

        static Route of(String method, String path, Endpoint endpoint) {
            return new Route(method, Pattern.compile(path), true, endpoint);
        }

        Route withoutAuth() {
            return new Route(method, path, false, endpoint);
        }
    }

    /**
     * One request as an endpoint sees it.
     *
     * @param body the request body, read in full before the endpoint runs: a connection whose request body is left
     *             unread cannot carry the client's next request
     */
    record Call(Request request, String apiKey, List<String> params, String body) {

        String param(int index) {
            return params.get(index);
        }

        /** The body as a JSON object; {@code {}} when empty. */
        JsonNode json() {
            return V1Json.parseObject(body);
        }

        /** Where the client reached us, for URLs handed back to it. */
        /** A WebSocket URL of ours for the client, {@code wss://} when it reached us over TLS. */
        String webSocketUrl(String path) {
            return RequestUrls.webSocket(request, path);
        }
    }

    @FunctionalInterface
    interface Endpoint {
        V1Reply handle(Call call);
    }

    private final List<Route> routes;
    private final Predicate<String> apiKeys;
    private final Consumer<RecordedRequest> journal;

    V1Handler(List<Route> routes, Predicate<String> apiKeys, Consumer<RecordedRequest> journal) {
        this.routes = List.copyOf(routes);
        this.apiKeys = apiKeys;
        this.journal = journal;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String fullPath = Request.getPathInContext(request);
        String prefix = PREFIXES.stream().filter(p -> fullPath.startsWith(p + "/")).findFirst().orElse(null);
        if (prefix == null) {
            return false;
        }
        String path = fullPath.substring(prefix.length());
        V1Reply reply;
        try {
            reply = dispatch(request, path, Content.Source.asString(request, StandardCharsets.UTF_8));
        } catch (V1Error e) {
            reply = V1Reply.json(e.status(), e.body(), e.headers());
        } catch (IOException e) {
            reply = V1Reply.json(400, V1Error.simple(400, "The request body could not be read").body());
        } catch (RuntimeException e) {
            LOG.warn("{} {} failed", request.getMethod(), fullPath, e);
            reply = V1Reply.json(500, path.equals(V1Endpoints.CHAT)
                    ? V1Error.chat(500, "internal_error", "internal_error", "Internal error").body()
                    : V1Error.simple(500, "Internal Server Error").body());
        }
        journal.accept(new RecordedRequest(request.getMethod(), fullPath, reply.status()));
        write(response, callback, reply);
        return true;
    }

    private V1Reply dispatch(Request request, String path, String body) {
        RouteLookup<Route> lookup = RouteLookup.find(routes, Route::method, Route::path, request.getMethod(), path);
        if (lookup.found()) {
            String apiKey = lookup.route().authenticated() ? authenticate(request) : null;
            return lookup.route().endpoint().handle(new Call(request, apiKey, lookup.params(), body));
        }
        if (!lookup.allowed().isEmpty()) {
            throw V1Error.simple(405, "Method Not Allowed", Map.of("Allow", String.join(", ", lookup.allowed())));
        }
        throw V1Error.simple(404, "Not Found");
    }

    private String authenticate(Request request) {
        String header = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        boolean bearer = header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length());
        String key = bearer ? header.substring(BEARER.length()).trim() : null;
        if (key == null || !apiKeys.test(key)) {
            throw V1Error.simple(401, "Invalid or missing API key", Map.of("WWW-Authenticate", "Bearer"));
        }
        return key;
    }

    private static void write(Response response, Callback callback, V1Reply reply) {
        response.setStatus(reply.status());
        response.getHeaders().put("X-Overshoot-Region", REGION);
        reply.headers().forEach((name, value) -> response.getHeaders().put(name, value));
        if (reply.events() == null) {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
            Content.Sink.write(response, true, reply.body().toString(), callback);
            return;
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
        try (OutputStream out = Content.Sink.asOutputStream(response)) {
            for (JsonNode event : reply.events()) {
                out.write(("data: " + event + "\n\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
            out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            callback.failed(e);
            return;
        }
        callback.succeeded();
    }
}
