package dev.camelovershoot.testinfra.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/**
 * One API request as an endpoint sees it.
 *
 * @param apiKey the authenticated key, or {@code null} on endpoints without auth
 * @param params the path parameters, in order
 */
record Call(Request request, String apiKey, List<String> params) {

    String param(int index) {
        return params.get(index);
    }

    /** The body as JSON; 400 {@code invalid_json} when it is not. */
    JsonNode json() {
        try {
            return Json.parse(Content.Source.asString(request, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ApiException(400, "invalid_json", "Request body could not be read");
        }
    }

    /** A WebSocket URL of ours for the client, {@code wss://} when it reached us over TLS. */
    String webSocketUrl(String path) {
        return RequestUrls.webSocket(request, path);
    }

    /** Where the client reached us, for URLs handed back to it. */
    String authority() {
        return RequestUrls.authority(request);
    }
}
