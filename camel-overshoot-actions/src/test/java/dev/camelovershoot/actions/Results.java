package dev.camelovershoot.actions;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Result texts in the detector's schema. */
final class Results {

    private Results() {
    }

    /** One entry, as a model reports it. */
    static String entry(String action, double confidence, boolean detected) {
        return "{\"action\":\"" + action + "\",\"confidence\":" + confidence + ",\"detected\":" + detected + "}";
    }

    /** A result detecting each action at confidence 0.9. */
    static String detecting(String... actions) {
        return of(Arrays.stream(actions).map(a -> entry(a, 0.9, true)).toArray(String[]::new));
    }

    static String of(String... entries) {
        return "{\"detected_actions\":[" + Arrays.stream(entries).collect(Collectors.joining(",")) + "]}";
    }
}
