package dev.camelovershoot.demo;

import java.util.Map;

/**
 * Where the demo sends its video: the embedded emulator ({@code apiKey} null) or an Overshoot service, over API v0.2
 * or v1.
 *
 * @param apiUrl the service's base URL; null for the embedded emulator
 * @param apiKey the service's key; null for the embedded emulator
 * @param model  the model; null for the embedded emulator (its first model)
 * @param v1     whether the story is told on v1 (the watch loop asking about the newest frame) instead of v0.2
 */
record DemoSettings(String apiUrl, String apiKey, String model, boolean v1) {

    static final String DEFAULT_API_URL = "https://api.overshoot.ai/v0.2";
    static final String DEFAULT_V1_API_URL = "https://api.overshoot.ai/v1beta";
    static final String API_VERSION = "OVERSHOOT_API_VERSION";

    static DemoSettings embedded(boolean v1) {
        return new DemoSettings(null, null, null, v1);
    }

    /**
     * From {@code OVERSHOOT_API_KEY}, {@code OVERSHOOT_MODEL}, {@code OVERSHOOT_API_URL} and
     * {@code OVERSHOOT_API_VERSION} ({@code v0.2}, the default, or {@code v1}); {@code --v1} among the arguments
     * says v1 too.
     */
    static DemoSettings fromEnvironment(Map<String, String> env, boolean v1Flag) {
        boolean v1 = v1Flag || isV1(env.getOrDefault(API_VERSION, ""));
        String key = env.get("OVERSHOOT_API_KEY");
        if (key == null || key.isBlank()) {
            return embedded(v1);
        }
        String model = env.get("OVERSHOOT_MODEL");
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException(
                    "OVERSHOOT_API_KEY is set, so the demo uses the Overshoot service: set OVERSHOOT_MODEL to the model "
                            + "to run (or unset OVERSHOOT_API_KEY to use the embedded emulator)");
        }
        String url = env.getOrDefault("OVERSHOOT_API_URL", "");
        return new DemoSettings(url.isBlank() ? (v1 ? DEFAULT_V1_API_URL : DEFAULT_API_URL) : url, key, model, v1);
    }

    private static boolean isV1(String version) {
        return switch (version.strip()) {
            case "", "v0.2" -> false;
            case "v1", "v1beta" -> true;
            default -> throw new IllegalArgumentException(API_VERSION + " is '" + version + "': use v0.2 or v1");
        };
    }

    boolean isEmbedded() {
        return apiKey == null;
    }
}
