package dev.camelovershoot.client;

import java.time.Duration;
import java.util.Objects;

/**
 * How a dropped results channel reconnects: the wait before attempt {@code n} (from 0) is
 * {@code min(baseDelay × 2^n, maxDelay)}; after {@code maxAttempts} consecutive failures it gives up. Every received
 * message resets the count.
 *
 * @param baseDelay   the first wait
 * @param maxDelay    the longest wait
 * @param maxAttempts consecutive reconnects before giving up, at least 0
 */
public record ReconnectPolicy(Duration baseDelay, Duration maxDelay, int maxAttempts) {

    private static final int MAX_SHIFT = 30;

    public ReconnectPolicy {
        Objects.requireNonNull(baseDelay, "baseDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (maxAttempts < 0) {
            throw new IllegalArgumentException("maxAttempts must not be negative, was " + maxAttempts);
        }
    }

    /** As the official Python SDK: 1 s doubling up to 10 s, 5 attempts. */
    public static ReconnectPolicy defaults() {
        return new ReconnectPolicy(Duration.ofSeconds(1), Duration.ofSeconds(10), 5);
    }

    /** The wait before reconnect attempt {@code attempt}, counted from 0. */
    public Duration delayBefore(int attempt) {
        Duration delay = baseDelay.multipliedBy(1L << Math.min(attempt, MAX_SHIFT));
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }
}
