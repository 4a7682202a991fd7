package dev.camelovershoot.testinfra.v1;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * What an endpoint answers: a JSON body, or (for {@code stream: true}) server-sent events, each a {@code data:} line,
 * followed by {@code data: [DONE]}.
 *
 * @param events the SSE payloads in order, or {@code null} for a JSON reply
 */
record V1Reply(int status, JsonNode body, List<JsonNode> events, Map<String, String> headers) {

    static V1Reply json(int status, JsonNode body) {
        return new V1Reply(status, body, null, Map.of());
    }

    static V1Reply json(int status, JsonNode body, Map<String, String> headers) {
        return new V1Reply(status, body, null, headers);
    }

    static V1Reply events(List<JsonNode> events, Map<String, String> headers) {
        return new V1Reply(200, null, List.copyOf(events), headers);
    }
}
