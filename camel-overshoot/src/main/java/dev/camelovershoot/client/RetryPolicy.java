package dev.camelovershoot.client;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How often a failed call is tried again: {@code attempts} tries in total, {@code delay} apart. For a short, bounded
 * wait (reinfer while the clip is stored); anything that lost its connection uses {@link ReconnectPolicy}.
 *
 * @param attempts total tries, at least 1
 * @param delay    pause between tries
 */
public record RetryPolicy(int attempts, Duration delay) {

    private static final Logger LOG = LoggerFactory.getLogger(RetryPolicy.class);

    public RetryPolicy {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, was " + attempts);
        }
        Objects.requireNonNull(delay, "delay");
    }

    /** Reinfer while the clip is not yet stored (404): 4 tries, 1 s apart, as the official SDK does. */
    public static RetryPolicy reinferDefaults() {
        return new RetryPolicy(4, Duration.ofSeconds(1));
    }

    /**
     * Runs {@code call}, trying again while {@code retryable} accepts the failure and tries remain; the next try
     * starts on {@code scheduler} (the caller's own named thread).
     */
    <T> CompletableFuture<T> run(String what, Supplier<CompletableFuture<T>> call,
                                 Predicate<OvershootException> retryable, ScheduledExecutorService scheduler) {
        return attempt(1, what, call, retryable, scheduler);
    }

    private <T> CompletableFuture<T> attempt(int n, String what, Supplier<CompletableFuture<T>> call,
                                             Predicate<OvershootException> retryable,
                                             ScheduledExecutorService scheduler) {
        return call.get().handle((value, error) -> {
            if (error == null) {
                return CompletableFuture.completedFuture(value);
            }
            OvershootException failure = Futures.unwrap(error);
            if (n >= attempts || !retryable.test(failure)) {
                return CompletableFuture.<T>failedFuture(failure);
            }
            LOG.warn("{} failed (attempt {}/{}), retrying in {} ms: {}", what, n, attempts, delay.toMillis(),
                    failure.getMessage());
            CompletableFuture<T> next = new CompletableFuture<>();
            try {
                scheduler.schedule(() -> attempt(n + 1, what, call, retryable, scheduler).whenComplete((v, e) -> {
                    if (e == null) {
                        next.complete(v);
                    } else {
                        next.completeExceptionally(e);
                    }
                }), delay.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stopped) {
                return CompletableFuture.<T>failedFuture(failure);
            }
            return next;
        }).thenCompose(future -> future);
    }
}
