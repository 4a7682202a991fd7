package dev.camelovershoot.actions;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;
import java.util.Objects;

/**
 * One detected action, or one aggregated event when detections were merged.
 *
 * <p>{@code metadata} is stored in its JSON form (written with Jackson and read back), so it holds only what a JSON
 * export reads back: strings, booleans, {@code null}, {@code Integer}/{@code Long}/{@code BigInteger} for integral
 * numbers, {@code Double} for the others, lists and string-keyed maps. That makes a JSON or CSV round trip give an
 * equal record. It is never null and cannot be modified.
 *
 * @param action      the action name
 * @param timestamp   seconds from stream start (for an event: its first detection)
 * @param frameNumber frame index, or the index of the result when the result carries none
 * @param confidence  0 to 1 (for an event: the highest of its detections)
 * @param duration    seconds the event lasted; {@code null} for a single raw detection
 * @param metadata    latency info and custom data
 */
@JsonPropertyOrder({"action", "timestamp", "frame_number", "confidence", "duration", "metadata"})
public record DetectedAction(String action, double timestamp, @JsonProperty("frame_number") long frameNumber,
                             double confidence, Double duration, Map<String, Object> metadata) {

    public DetectedAction {
        Objects.requireNonNull(action, "action");
        if (!Double.isFinite(timestamp)) {
            throw new IllegalArgumentException("timestamp must be finite, got " + timestamp);
        }
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be between 0 and 1, got " + confidence);
        }
        if (duration != null && !(duration >= 0 && Double.isFinite(duration))) {
            throw new IllegalArgumentException("duration must be finite and not negative, got " + duration);
        }
        metadata = ActionJson.normalize(metadata);
    }

    /** A raw detection without duration or metadata. */
    public static DetectedAction of(String action, double timestamp, long frameNumber, double confidence) {
        return new DetectedAction(action, timestamp, frameNumber, confidence, null, Map.of());
    }
}
