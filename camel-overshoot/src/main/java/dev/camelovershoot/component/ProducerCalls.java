package dev.camelovershoot.component;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;

/** Runs a producer operation that answers with a future, completing the exchange when the future does. */
final class ProducerCalls {

    private ProducerCalls() {
    }

    /**
     * Completes at once (synchronously) when the operation is done or fails before it starts; otherwise when the
     * service answers. A failure becomes the exchange's exception, unwrapped.
     */
    static boolean run(Exchange exchange, AsyncCallback callback, Supplier<CompletableFuture<?>> operation) {
        CompletableFuture<?> done;
        try {
            done = operation.get();
        } catch (RuntimeException e) {
            done = CompletableFuture.failedFuture(e);
        }
        boolean sync = done.isDone();
        done.whenComplete((ignored, error) -> {
            if (error != null) {
                exchange.setException(error instanceof CompletionException && error.getCause() != null
                        ? error.getCause() : error);
            }
            callback.done(sync);
        });
        return sync;
    }
}
