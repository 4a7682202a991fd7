package dev.camelovershoot.actions;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One inference result as the detector sees it.
 *
 * @param text       the result text: JSON following {@link ActionDetector#outputSchema()}
 * @param receivedAt when the result arrived; timestamps are measured from the first result's arrival
 * @param ok         false for a failed inference, whose text is not parsed
 * @param metadata   copied into every action detected in this result (stream id, result id, latencies)
 */
public record ResultMessage(String text, Instant receivedAt, boolean ok, Map<String, Object> metadata) {

    public ResultMessage {
        Objects.requireNonNull(receivedAt, "receivedAt");
        metadata = metadata == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /** A successful result without metadata. */
    public static ResultMessage of(String text, Instant receivedAt) {
        return new ResultMessage(text, receivedAt, true, Map.of());
    }
}
