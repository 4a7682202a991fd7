package dev.camelovershoot.component;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;

/** Runs a producer operation that answers with a future, completing the exchange when the future does. */
final class ProducerCalls {

    private ProducerCalls() {
    }

    /**
     * Completes at once (synchronously) when the operation is done or fails before it starts; otherwise when the
     * service answers, going on on {@code async} rather than the HTTP client's or a session's thread. A failure
     * becomes the exchange's exception, unwrapped.
     */
    static boolean run(Exchange exchange, AsyncCallback callback, Executor async,
                       Supplier<CompletableFuture<?>> operation) {
        CompletableFuture<?> done;
        try {
            done = operation.get();
        } catch (RuntimeException e) {
            done = CompletableFuture.failedFuture(e);
        }
        boolean sync = done.isDone();
        BiConsumer<Object, Throwable> finish = (ignored, error) -> {
            if (error != null) {
                exchange.setException(error instanceof CompletionException && error.getCause() != null
                        ? error.getCause() : error);
            }
            callback.done(sync);
        };
        if (sync) {
            done.whenComplete(finish);
        } else {
            done.whenCompleteAsync(finish, async);
        }
        return sync;
    }
}
