package dev.camelovershoot.testinfra.server;

import dev.camelovershoot.testinfra.livekit.LiveKitCredentials;
import dev.camelovershoot.testinfra.EmulatorObserver;
import dev.camelovershoot.testinfra.ModelEntry;
import dev.camelovershoot.testinfra.inference.InferenceBackend;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Everything an emulator is configured with; see {@code OvershootEmulator.Builder} for the meaning and defaults.
 *
 * @param basePath    normalised: empty or starting with {@code /}, never ending with {@code /}
 * @param corsOrigins origins that web pages may call the API from; empty (or {@code *}) for any
 */
public record EmulatorSettings(String host, int port, String basePath, List<String> apiKeys, int leaseTtlSeconds,
                               int streamLimitPerKey, double creditsCents, double centsPerSecond,
                               List<ModelEntry> models, InferenceBackend backend, Duration idleAfter,
                               Duration clipPersistDelay, int frameStoreMaxFrames, int frameMaxSide,
                               LiveKitCredentials liveKitCredentials, Duration publisherGrace,
                               EmulatorObserver observer, List<String> corsOrigins) {

    public EmulatorSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(idleAfter, "idleAfter");
        Objects.requireNonNull(clipPersistDelay, "clipPersistDelay");
        Objects.requireNonNull(liveKitCredentials, "liveKitCredentials");
        Objects.requireNonNull(publisherGrace, "publisherGrace");
        Objects.requireNonNull(observer, "observer");
        basePath = normalise(basePath);
        apiKeys = List.copyOf(apiKeys);
        models = List.copyOf(models);
        corsOrigins = corsOrigins.contains("*") ? List.of() : List.copyOf(corsOrigins);
        require(port >= 0 && port <= 65_535, "port must be 0-65535");
        require(!apiKeys.isEmpty() && apiKeys.stream().noneMatch(String::isBlank), "API keys must be non-blank");
        require(leaseTtlSeconds >= 1, "leaseTtlSeconds must be at least 1");
        require(streamLimitPerKey >= 1, "streamLimitPerKey must be at least 1");
        require(creditsCents >= 0 && centsPerSecond >= 0, "credits and rate must not be negative");
        require(!idleAfter.isNegative() && !clipPersistDelay.isNegative() && !publisherGrace.isNegative(),
                "durations must not be negative");
        require(frameStoreMaxFrames >= 1 && frameMaxSide >= 1, "frame store sizes must be positive");
        require(corsOrigins.stream().noneMatch(o -> o.isBlank() || o.endsWith("/")),
                "CORS origins are scheme://host[:port], without a path or trailing slash");
    }

    /** The model entry for this id, or {@code null}. */
    public ModelEntry model(String id) {
        return models.stream().filter(m -> m.model().equals(id)).findFirst().orElse(null);
    }

    private static String normalise(String path) {
        String p = path == null ? "" : path.trim();
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p.isEmpty() || p.startsWith("/") ? p : "/" + p;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
