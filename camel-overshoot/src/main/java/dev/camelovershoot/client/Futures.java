package dev.camelovershoot.client;

import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.slf4j.Logger;

/** Turns asynchronous failures into this client's exceptions. Public for {@code client.v1}. */
public final class Futures {

    private Futures() {
    }

    /** Waits for {@code future}; a failure is rethrown as the {@link OvershootException} behind it. */
    public static <T> T await(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException | CancellationException e) {
            throw unwrap(e);
        }
    }

    /** Calls code that returns a future; if it throws instead, the future fails with what it threw. */
    public static <T> CompletableFuture<T> call(Supplier<CompletableFuture<T>> code) {
        try {
            return Objects.requireNonNull(code.get(), "a transport returned no future");
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * {@code future}, completed normally whatever its outcome: a failure is logged as a warning, {@code failed}
     * followed by the failure's message. For clean-up steps that must neither fail nor hold up a close.
     */
    public static CompletableFuture<Void> quietly(CompletableFuture<?> future, Logger log, String failed) {
        return future.handle((result, error) -> {
            if (error != null) {
                log.warn("{}: {}", failed, unwrap(error).getMessage());
            }
            return null;
        });
    }

    /** The {@link OvershootException} behind a failure, wrapping anything else. */
    public static OvershootException unwrap(Throwable error) {
        Throwable cause = strip(error);
        if (cause instanceof OvershootException overshoot) {
            return overshoot;
        }
        if (cause instanceof CancellationException) {
            return new StreamClosedException("The operation was cancelled because the stream session closed.");
        }
        return new OvershootException("Unexpected failure: " + cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : ": " + cause.getMessage()), cause);
    }

    /** The failure behind the wrappers that futures add. */
    public static Throwable strip(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
