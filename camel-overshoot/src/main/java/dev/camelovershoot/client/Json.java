package dev.camelovershoot.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.camelovershoot.client.wire.ErrorBody;

/** The one JSON mapper of the client; the wire records carry their own naming and inclusion rules. */
final class Json {

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private static final int MAX_RAW_CHARS = 300;

    private Json() {
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    static <T> T read(String json, Class<T> type) throws JsonProcessingException {
        return MAPPER.readValue(json, type);
    }

    static JsonNode tree(String json) throws JsonProcessingException {
        return MAPPER.readTree(json);
    }

    /** An error body; a body that is not the documented JSON becomes {@code unknown} with the raw text. */
    static ErrorBody readErrorBody(String body) {
        if (body != null && !body.isBlank()) {
            try {
                JsonNode node = tree(body);
                if (node.isObject()) {
                    return MAPPER.treeToValue(node, ErrorBody.class);
                }
            } catch (JsonProcessingException notJson) {
                // fall through: keep the raw text as the message
            }
        }
        String raw = body == null ? "" : body.strip();
        return new ErrorBody("unknown", raw.length() > MAX_RAW_CHARS ? raw.substring(0, MAX_RAW_CHARS) + "…" : raw,
                null, null);
    }
}
