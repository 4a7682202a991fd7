package dev.camelovershoot.testinfra.v1;

import dev.camelovershoot.testinfra.ModelEntry;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the emulator's v1beta API behaves; see {@code OvershootEmulator.Builder} for the options.
 *
 * @param leaseTtl            how long a stream lives without a keepalive before it is reaped (the service: 300 s)
 * @param requestsPerSecond   chat completions allowed per API key and second; more answer 429
 * @param allowPrivateSources whether camera sources may point at private, loopback or link-local addresses (the
 *                            service refuses them; tests need them to pull from a camera on this machine)
 * @param sourceConnectTimeout how long a camera source is retried before the create answers 422 (the service: about
 *                            15 s)
 * @param models              the models listed on {@code GET /models} and accepted by chat completions
 */
public record V1Settings(Duration leaseTtl, int requestsPerSecond, boolean allowPrivateSources,
                         Duration sourceConnectTimeout, List<ModelEntry> models) {

    /** The service's lease. */
    public static final Duration DEFAULT_LEASE_TTL = Duration.ofSeconds(300);
    /** No rate is published; high enough for a watch loop over many streams, low enough for tests to reach. */
    public static final int DEFAULT_REQUESTS_PER_SECOND = 100;
    public static final Duration DEFAULT_SOURCE_CONNECT_TIMEOUT = Duration.ofSeconds(15);
    /** The hosted models of the service's model page (December 2026). */
    public static final List<ModelEntry> DEFAULT_MODELS = List.of(
            ModelEntry.ready("Qwen/Qwen3.6-35B-A3B-FP8"),
            ModelEntry.ready("Qwen/Qwen3.6-27B-FP8"),
            ModelEntry.ready("google/gemma-4-31B-it"),
            ModelEntry.ready("google/gemma-4-26B-A4B-it"),
            ModelEntry.ready("Hcompany/Holo3-35B-A3B"));
    public static final V1Settings DEFAULTS = new V1Settings(DEFAULT_LEASE_TTL, DEFAULT_REQUESTS_PER_SECOND, false,
            DEFAULT_SOURCE_CONNECT_TIMEOUT, DEFAULT_MODELS);

    public V1Settings {
        Objects.requireNonNull(leaseTtl, "leaseTtl");
        Objects.requireNonNull(sourceConnectTimeout, "sourceConnectTimeout");
        models = List.copyOf(models);
        if (leaseTtl.toMillis() < 1 || sourceConnectTimeout.isNegative()) {
            throw new IllegalArgumentException("the v1 lease must be positive and the source timeout not negative");
        }
        if (requestsPerSecond < 1) {
            throw new IllegalArgumentException("requestsPerSecond must be at least 1");
        }
        if (models.isEmpty()) {
            throw new IllegalArgumentException("at least one v1 model is needed");
        }
    }

    /** The model entry for this id, or {@code null}. */
    ModelEntry model(String id) {
        return models.stream().filter(m -> m.model().equals(id)).findFirst().orElse(null);
    }

    /** The lease in whole seconds as the wire shows it ({@code ttl_seconds}), at least 1. */
    int ttlSeconds() {
        return (int) Math.max(1, (leaseTtl.toMillis() + 999) / 1000);
    }
}
