package dev.camelovershoot.actions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a result text of the {@link ActionSchema} shape and keeps the detections that count: {@code detected} true,
 * a confidence between the minimum and 1, and an action among the configured ones (compared ignoring case and
 * surrounding blanks; the configured spelling is kept). An action listed twice counts once, at its highest confidence.
 * Models do not always keep to a schema, so anything else in the text is skipped, never thrown.
 */
final class ResultParser {

    private static final Logger LOG = LoggerFactory.getLogger(ResultParser.class);

    private final Map<String, String> names = new LinkedHashMap<>();
    private final double minConfidence;

    record Detection(String action, double confidence) {
    }

    /** The detections of one result and the frame index it carries, if any. */
    record Parsed(List<Detection> detections, OptionalLong frameIndex) {
        static final Parsed NOTHING = new Parsed(List.of(), OptionalLong.empty());
    }

    ResultParser(List<String> actions, double minConfidence) {
        actions.forEach(a -> names.put(key(a), a));
        this.minConfidence = minConfidence;
    }

    Parsed parse(String text) {
        JsonNode root;
        try {
            root = text == null ? null : ActionJson.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            LOG.debug("Result is not JSON, no detections: {}", e.getOriginalMessage());
            return Parsed.NOTHING;
        }
        if (root == null || !root.path(ActionSchema.DETECTED_ACTIONS).isArray()) {
            LOG.debug("Result has no {} array, no detections", ActionSchema.DETECTED_ACTIONS);
            return Parsed.NOTHING;
        }
        JsonNode frame = root.path("frame_index");
        return new Parsed(detections(root.get(ActionSchema.DETECTED_ACTIONS)),
                frame.canConvertToExactIntegral() && frame.canConvertToLong()
                        ? OptionalLong.of(frame.asLong()) : OptionalLong.empty());
    }

    private List<Detection> detections(JsonNode entries) {
        Map<String, Double> kept = new LinkedHashMap<>();
        for (JsonNode entry : entries) {
            String action = names.get(key(entry.path(ActionSchema.ACTION).asText("")));
            JsonNode confidence = entry.path(ActionSchema.CONFIDENCE);
            if (action != null && entry.path(ActionSchema.DETECTED).asBoolean(false) && confidence.isNumber()
                    && confidence.asDouble() >= minConfidence && confidence.asDouble() <= 1) {
                kept.merge(action, confidence.asDouble(), Math::max);
            }
        }
        List<Detection> detections = new ArrayList<>();
        kept.forEach((action, confidence) -> detections.add(new Detection(action, confidence)));
        return detections;
    }

    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }
}
