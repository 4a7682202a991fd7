package dev.camelovershoot.testinfra;

import java.util.Set;

/**
 * A model the emulator lists on {@code GET /models}.
 *
 * @param model  the id clients put in {@code inference.model}
 * @param status {@code ready}, {@code degraded}, {@code saturated} or {@code unavailable}
 */
public record ModelEntry(String model, String status) {

    private static final Set<String> STATUSES = Set.of("ready", "degraded", "saturated", "unavailable");

    public ModelEntry {
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("model must not be blank");
        }
        if (!STATUSES.contains(status)) {
            throw new IllegalArgumentException("status must be one of " + STATUSES + ", was " + status);
        }
    }

    public static ModelEntry ready(String model) {
        return new ModelEntry(model, "ready");
    }

    /** The wire {@code ready} flag: usable now ({@code ready} or {@code degraded}). */
    public boolean isReady() {
        return "ready".equals(status) || "degraded".equals(status);
    }
}
