package dev.camelovershoot.testinfra.server;

import java.util.List;
import java.util.Set;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * CORS for every HTTP endpoint, so that a web page on another origin can call the API as the official browser SDK
 * does: with {@code credentials: "include"}, which browsers honour only when the Origin is echoed (never {@code *})
 * together with {@code Access-Control-Allow-Credentials: true}. A preflight is answered here with 204; other requests
 * get the headers and go on, so error answers carry them too. WebSocket upgrades are not checked against the origins.
 */
final class CorsHandler extends Handler.Wrapper {

    static final String METHODS = "GET, POST, PATCH, DELETE";
    private static final String EXPOSED = "X-Request-Id, Retry-After";
    private static final String MAX_AGE_SECONDS = "600";

    private final Set<String> origins;

    /** @param origins the allowed origins ({@code scheme://host[:port]}); empty allows any */
    CorsHandler(List<String> origins, Handler next) {
        super(next);
        this.origins = Set.copyOf(origins);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        HttpFields headers = request.getHeaders();
        String origin = headers.get(HttpHeader.ORIGIN);
        if (origin == null) {
            return super.handle(request, response, callback);
        }
        HttpFields.Mutable out = response.getHeaders();
        out.add(HttpHeader.VARY, "Origin");
        boolean allowed = origins.isEmpty() || origins.contains(origin);
        boolean preflight = "OPTIONS".equals(request.getMethod())
                && headers.contains(HttpHeader.ACCESS_CONTROL_REQUEST_METHOD);
        if (allowed) {
            out.put(HttpHeader.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
            out.put(HttpHeader.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true");
        }
        if (!preflight) {
            if (allowed) {
                out.put(HttpHeader.ACCESS_CONTROL_EXPOSE_HEADERS, EXPOSED);
            }
            return super.handle(request, response, callback);
        }
        if (allowed) {
            out.put(HttpHeader.ACCESS_CONTROL_ALLOW_METHODS, METHODS);
            String asked = headers.get(HttpHeader.ACCESS_CONTROL_REQUEST_HEADERS);
            if (asked != null) {
                out.put(new HttpField(HttpHeader.ACCESS_CONTROL_ALLOW_HEADERS, asked));
            }
            out.put(HttpHeader.ACCESS_CONTROL_MAX_AGE, MAX_AGE_SECONDS);
            response.setStatus(204);
            callback.succeeded();
        } else {
            response.setStatus(403);
            out.put(HttpHeader.CONTENT_TYPE, "application/json");
            Content.Sink.write(response, true, "{\"error\":\"origin_not_allowed\",\"request_id\":null,"
                    + "\"details\":null}", callback);
        }
        return true;
    }
}
