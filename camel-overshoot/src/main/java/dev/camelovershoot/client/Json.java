package dev.camelovershoot.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.camelovershoot.client.wire.ErrorBody;

/**
 * The one JSON mapper of the client (v0.2 and v1); the wire records carry their own naming and inclusion rules.
 * Public so that {@code client.v1} shares it; not meant for applications.
 */
public final class Json {

    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private static final int MAX_RAW_CHARS = 300;

    private Json() {
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    public static <T> T read(String json, Class<T> type) throws JsonProcessingException {
        return MAPPER.readValue(json, type);
    }

    public static JsonNode tree(String json) throws JsonProcessingException {
        return MAPPER.readTree(json);
    }

    /**
     * An error body: v0.2's {@code {error, message, request_id, details}} or v1's FastAPI-style {@code {"detail": ...}}
     * ({@link FastApiErrors}); a body that is not JSON becomes {@code unknown} with the raw text.
     */
    static ErrorBody readErrorBody(String body) {
        if (body != null && !body.isBlank()) {
            try {
                JsonNode node = tree(body);
                if (node.isObject() && node.has("detail") && !node.has("error")) {
                    return FastApiErrors.read(node.get("detail"));
                }
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
