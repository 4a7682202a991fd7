package dev.camelovershoot.client;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Turns asynchronous failures into this client's exceptions. */
final class Futures {

    private Futures() {
    }

    /** Waits for {@code future}; a failure is rethrown as the {@link OvershootException} behind it. */
    static <T> T await(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException | CancellationException e) {
            throw unwrap(e);
        }
    }

    /** The {@link OvershootException} behind a failure, wrapping anything else. */
    static OvershootException unwrap(Throwable error) {
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
    static Throwable strip(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
