package dev.camelovershoot.actions;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Typed views of the bodies {@code overshoot-actions:} producers set. */
final class Bodies {

    private Bodies() {
    }

    /** The body of detect, flush and query. */
    static List<DetectedAction> actions(Object body) {
        return ((List<?>) body).stream().map(DetectedAction.class::cast).toList();
    }

    /** The body of summary, in its order. */
    static Map<String, Integer> counts(Object body) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        ((Map<?, ?>) body).forEach((name, count) -> counts.put((String) name, (Integer) count));
        return counts;
    }
}
