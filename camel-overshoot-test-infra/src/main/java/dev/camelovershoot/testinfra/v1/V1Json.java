package dev.camelovershoot.testinfra.v1;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** JSON for the v1 API: one mapper, and request bodies parsed with FastAPI's errors. */
final class V1Json {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private V1Json() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** An empty body is {@code {}}; anything else must be a JSON object (422 otherwise, as FastAPI answers). */
    static JsonNode parseObject(String body) {
        if (body == null || body.isBlank()) {
            return object();
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || !node.isObject()) {
                throw V1Error.validation(List.of("body"), "Input should be a valid dictionary or object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw V1Error.validation(List.of("body", 0), "JSON decode error");
        }
    }
}
