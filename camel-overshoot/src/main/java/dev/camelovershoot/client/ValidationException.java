package dev.camelovershoot.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** 400 or 422: the request was invalid; {@link #fieldErrors()} says which fields and why. */
public class ValidationException extends ApiException {

    public ValidationException(String message, int status, String errorCode, String requestId, JsonNode details) {
        super(message, status, errorCode, requestId, details);
    }

    /**
     * The invalid fields and what is wrong with each, from details shaped {@code [{"field", "message"}]} (or the
     * {@code [{"loc", "msg"}]} shape of other Overshoot APIs); empty when the service gave none.
     */
    public Map<String, String> fieldErrors() {
        return fieldErrors(details());
    }

    static Map<String, String> fieldErrors(JsonNode details) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (details != null && details.isArray()) {
            for (JsonNode item : details) {
                String field = item.has("field") ? item.path("field").asText() : joined(item.path("loc"));
                String message = item.has("message") ? item.path("message").asText() : item.path("msg").asText();
                if (!field.isEmpty()) {
                    errors.put(field, message);
                }
            }
        }
        return errors;
    }

    private static String joined(JsonNode location) {
        if (!location.isArray()) {
            return location.asText();
        }
        StringBuilder path = new StringBuilder();
        location.forEach(part -> path.append(path.length() == 0 ? "" : ".").append(part.asText()));
        return path.toString();
    }
}
