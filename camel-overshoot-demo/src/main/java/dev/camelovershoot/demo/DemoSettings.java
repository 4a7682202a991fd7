package dev.camelovershoot.demo;

import java.util.Map;

/**
 * Where the demo sends its video: the embedded emulator ({@code apiKey} null) or an Overshoot service.
 *
 * @param apiUrl the service's base URL; null for the embedded emulator
 * @param apiKey the service's key; null for the embedded emulator
 * @param model  the model; null for the embedded emulator (its first model)
 */
record DemoSettings(String apiUrl, String apiKey, String model) {

    static final String DEFAULT_API_URL = "https://api.overshoot.ai/v0.2";

    static DemoSettings embedded() {
        return new DemoSettings(null, null, null);
    }

    /** From {@code OVERSHOOT_API_KEY}, {@code OVERSHOOT_MODEL} and {@code OVERSHOOT_API_URL}. */
    static DemoSettings fromEnvironment(Map<String, String> env) {
        String key = env.get("OVERSHOOT_API_KEY");
        if (key == null || key.isBlank()) {
            return embedded();
        }
        String model = env.get("OVERSHOOT_MODEL");
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException(
                    "OVERSHOOT_API_KEY is set, so the demo uses the Overshoot service: set OVERSHOOT_MODEL to the model "
                            + "to run (or unset OVERSHOOT_API_KEY to use the embedded emulator)");
        }
        String url = env.getOrDefault("OVERSHOOT_API_URL", "");
        return new DemoSettings(url.isBlank() ? DEFAULT_API_URL : url, key, model);
    }

    boolean isEmbedded() {
        return apiKey == null;
    }
}
