package dev.camelovershoot.testinfra.v1;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A v1beta error answer in one of the service's FastAPI-style envelopes: simple {@code {"detail": "..."}}, the chat
 * envelope {@code {"detail": {"error": {message, type, code, upstream}}}} or the validation list
 * {@code {"detail": [{loc, msg, type}]}}.
 */
final class V1Error extends RuntimeException {

    private final int status;
    private final transient JsonNode body;
    private final Map<String, String> headers;

    private V1Error(int status, String message, JsonNode body, Map<String, String> headers) {
        super(message, null, false, false);
        this.status = status;
        this.body = body;
        this.headers = Map.copyOf(headers);
    }

    /** {@code {"detail": message}}: stream lifecycle, 401 and 503 everywhere. */
    static V1Error simple(int status, String message) {
        return simple(status, message, Map.of());
    }

    static V1Error simple(int status, String message, Map<String, String> headers) {
        ObjectNode body = V1Json.object().put("detail", message);
        return new V1Error(status, message, body, headers);
    }

    /** The chat envelope; {@code type} is e.g. {@code stream_error}, {@code code} e.g. {@code frame_evicted}. */
    static V1Error chat(int status, String type, String code, String message) {
        return chat(status, type, code, message, Map.of());
    }

    static V1Error chat(int status, String type, String code, String message, Map<String, String> headers) {
        ObjectNode body = V1Json.object();
        body.putObject("detail").putObject("error").put("message", message).put("type", type).put("code", code)
                .putNull("upstream");
        return new V1Error(status, message, body, headers);
    }

    /** 422 with FastAPI's field-error list: {@code loc} is the path to the offending value. */
    static V1Error validation(List<Object> loc, String message) {
        ObjectNode body = V1Json.object();
        ObjectNode error = body.putArray("detail").addObject();
        loc.forEach(part -> {
            if (part instanceof Integer index) {
                error.withArray("loc").add(index);
            } else {
                error.withArray("loc").add(String.valueOf(part));
            }
        });
        error.put("msg", message).put("type", "value_error");
        return new V1Error(422, message, body, Map.of());
    }

    /** A stream that is unknown, ended or another key's: the chat envelope's {@code stream_not_found}. */
    static V1Error streamNotFound(boolean chat) {
        return chat ? chat(404, "stream_error", "stream_not_found", "Stream not found")
                : simple(404, "Stream not found");
    }

    int status() {
        return status;
    }

    JsonNode body() {
        return body;
    }

    Map<String, String> headers() {
        return headers;
    }

    /** The same error with more headers (rate-limit headers on a chat error). */
    V1Error withHeaders(Map<String, String> more) {
        Map<String, String> all = new HashMap<>(headers);
        all.putAll(more);
        return new V1Error(status, getMessage(), body, all);
    }
}
