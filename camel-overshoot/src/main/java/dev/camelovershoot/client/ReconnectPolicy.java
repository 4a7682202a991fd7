package dev.camelovershoot.client;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How anything that lost its connection tries again (results channel, stream creation, keepalive, LiveKit rejoin):
 * capped exponential backoff with jitter. The nominal wait before attempt {@code n} (from 0) is
 * {@code min(baseDelay × 2^n, maxDelay)}; the actual wait is drawn between half of it and all of it, so that many
 * clients that lost one service do not come back in step. After {@code maxAttempts} consecutive failures it gives up;
 * {@link #UNLIMITED} (the default) never does. A success resets the count.
 *
 * @param baseDelay   the first nominal wait
 * @param maxDelay    the longest nominal wait
 * @param maxAttempts consecutive attempts before giving up, at least 0, or {@link #UNLIMITED}
 */
public record ReconnectPolicy(Duration baseDelay, Duration maxDelay, int maxAttempts) {

    /** {@code maxAttempts} that never gives up. */
    public static final int UNLIMITED = -1;
    private static final int MAX_SHIFT = 30;

    public ReconnectPolicy {
        Objects.requireNonNull(baseDelay, "baseDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (maxAttempts < UNLIMITED) {
            throw new IllegalArgumentException("maxAttempts must be -1 (unlimited) or more, was " + maxAttempts);
        }
    }

    /** 1 s doubling up to 30 s, for as long as it runs. */
    public static ReconnectPolicy defaults() {
        return new ReconnectPolicy(Duration.ofSeconds(1), Duration.ofSeconds(30), UNLIMITED);
    }

    /** Whether {@code failures} consecutive failed attempts use up the budget. */
    public boolean exhausted(int failures) {
        return maxAttempts != UNLIMITED && failures >= maxAttempts;
    }

    /** The nominal (unjittered) wait before attempt {@code attempt}, counted from 0. */
    public Duration nominalDelay(int attempt) {
        Duration delay = baseDelay.multipliedBy(1L << Math.max(0, Math.min(attempt, MAX_SHIFT)));
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    /** The wait before attempt {@code attempt}: between half the nominal wait and all of it. */
    public Duration delayBefore(int attempt) {
        long nominal = nominalDelay(attempt).toMillis();
        long half = nominal / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(nominal - half + 1));
    }

    /** Attempts for a log line: {@code 3/5}, or {@code 3} when unlimited. */
    public String describe(int attempt) {
        return maxAttempts == UNLIMITED ? String.valueOf(attempt) : attempt + "/" + maxAttempts;
    }
}
