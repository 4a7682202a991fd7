package dev.camelovershoot.testinfra.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * Reads the fields of a request body and collects every problem, so that one 422 names all offending fields.
 * The readers return the default when a field is absent or {@code null}, and {@code null} after recording an
 * error when it is present but invalid.
 */
final class FieldErrors {

    private final ArrayNode details = Json.MAPPER.createArrayNode();

    /** Errors for the fields of {@code body}; 422 at once when the body is not a JSON object. */
    static FieldErrors of(JsonNode body) {
        FieldErrors errors = new FieldErrors();
        if (!body.isObject()) {
            errors.add("body", "must be a JSON object");
            errors.throwIfAny();
        }
        return errors;
    }

    void add(String field, String message) {
        details.addObject().put("field", field).put("message", message);
    }

    boolean isEmpty() {
        return details.isEmpty();
    }

    /** Throws 422 {@code validation_error} when anything was recorded. */
    void throwIfAny() {
        if (!isEmpty()) {
            throw toException();
        }
    }

    /** The 422 {@code validation_error} naming the recorded fields. */
    ApiException toException() {
        return new ApiException(422, "validation_error", "Validation failed: " + fields(), details, Map.of());
    }

    /** A 422 for one offending field. */
    static ApiException single(String field, String message) {
        FieldErrors errors = new FieldErrors();
        errors.add(field, message);
        return errors.toException();
    }

    /** Records every field of {@code object} not in {@code known}: the v0.2 config objects allow no others. */
    void onlyKnown(JsonNode object, String path, Collection<String> known) {
        object.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                add(path + name, "unknown field");
            }
        });
    }

    /** Records "is required" when the field is absent or {@code null}; answers whether it is there. */
    boolean require(JsonNode parent, String path, String name) {
        if (present(parent, name)) {
            return true;
        }
        add(path + name, "is required");
        return false;
    }

    static boolean present(JsonNode parent, String name) {
        return parent.hasNonNull(name);
    }

    Double number(JsonNode parent, String path, String name, double min, double max, Double absent) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            return absent;
        }
        if (!node.isNumber()) {
            add(path + name, "must be a number");
            return null;
        }
        return inRange(path + name, node.doubleValue(), min, max) ? node.doubleValue() : null;
    }

    Integer integer(JsonNode parent, String path, String name, int min, int max, Integer absent) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            return absent;
        }
        if (!node.isNumber() || node.doubleValue() != Math.rint(node.doubleValue())) {
            add(path + name, "must be an integer");
            return null;
        }
        return inRange(path + name, node.doubleValue(), min, max) ? (int) node.doubleValue() : null;
    }

    /** A non-blank string; {@code absent} is returned (or, when {@code null}, an error recorded) if missing. */
    String text(JsonNode parent, String path, String name, String absent) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            if (absent == null) {
                add(path + name, "is required");
            }
            return absent;
        }
        if (!node.isTextual() || node.asText().isBlank()) {
            add(path + name, "must be a non-empty string");
            return null;
        }
        return node.asText();
    }

    /** One of {@code allowed}, or {@code absent} when missing. */
    String oneOf(JsonNode parent, String path, String name, Set<String> allowed, String absent) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            return absent;
        }
        if (!node.isTextual() || !allowed.contains(node.asText())) {
            add(path + name, "must be one of " + String.join(", ", allowed.stream().sorted().toList()));
            return null;
        }
        return node.asText();
    }

    /** A JSON object, or {@code null} when missing (recording "is required" when {@code required}). */
    JsonNode object(JsonNode parent, String path, String name, boolean required) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            if (required) {
                add(path + name, "is required");
            }
            return null;
        }
        if (!node.isObject()) {
            add(path + name, "must be a JSON object");
            return null;
        }
        return node;
    }

    private boolean inRange(String field, double value, double min, double max) {
        if (value < min || value > max) {
            add(field, max == Integer.MAX_VALUE ? "must be at least " + format(min)
                    : "must be between " + format(min) + " and " + format(max));
            return false;
        }
        return true;
    }

    private static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private String fields() {
        StringBuilder out = new StringBuilder();
        details.forEach(d -> out.append(out.length() == 0 ? "" : ", ").append(d.get("field").asText()));
        return out.toString();
    }
}
