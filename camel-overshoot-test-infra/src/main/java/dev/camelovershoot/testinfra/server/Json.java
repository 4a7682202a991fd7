package dev.camelovershoot.testinfra.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The one Jackson mapper of the emulator. */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** Parses a request body; malformed or empty JSON is the client's error (400 {@code invalid_json}). */
    static JsonNode parse(String body) {
        try {
            JsonNode node = body == null || body.isBlank() ? null : MAPPER.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new ApiException(400, "invalid_json", "Request body must be JSON");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new ApiException(400, "invalid_json", "Request body is not valid JSON");
        }
    }
}
