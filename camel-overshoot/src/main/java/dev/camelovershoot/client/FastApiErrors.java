package dev.camelovershoot.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelovershoot.client.wire.ErrorBody;

/**
 * The v1 error bodies, all {@code {"detail": ...}} (FastAPI style), read into the same {@link ErrorBody} as v0.2's:
 * <ul>
 *   <li>a string: the message;</li>
 *   <li>a list of field errors {@code [{loc, msg, type}]}: code {@code validation_error}, the list as details;</li>
 *   <li>a ChatError {@code {"error": {message, type, code, upstream}}}: its code and message, the object as details
 *       (so {@code type} and {@code upstream} stay readable);</li>
 *   <li>a RegionError {@code {"error": "region_error", expected_region, requested_region}}.</li>
 * </ul>
 */
final class FastApiErrors {

    static final String VALIDATION_ERROR = "validation_error";

    private FastApiErrors() {
    }

    static ErrorBody read(JsonNode detail) {
        if (detail.isTextual()) {
            return new ErrorBody(null, detail.asText(), null, null);
        }
        if (detail.isArray()) {
            return new ErrorBody(VALIDATION_ERROR, null, null, detail);
        }
        JsonNode error = detail.path("error");
        if (error.isObject()) {
            return new ErrorBody(text(error, "code"), text(error, "message"), null, error);
        }
        if (error.isTextual()) {
            String message = detail.has("expected_region")
                    ? "the stream lives in region " + detail.path("expected_region").asText()
                    + "; send its requests there (header X-Overshoot-Region)"
                    : text(detail, "message");
            return new ErrorBody(error.asText(), message, null, detail);
        }
        return new ErrorBody(null, detail.toString(), null, detail);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
