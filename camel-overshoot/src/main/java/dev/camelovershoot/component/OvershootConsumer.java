package dev.camelovershoot.component;

import dev.camelovershoot.client.OvershootException;
import dev.camelovershoot.client.StreamEvent;
import dev.camelovershoot.client.StreamListener;
import dev.camelovershoot.client.wire.InferenceResult;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.ShutdownRunningTask;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.spi.ShutdownAware;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One exchange per inference result of the endpoint's stream, in order, on the consumer's own thread: results and
 * lifecycle events wait in the consumer's own {@link ResultBuffer}, which never makes the stream wait, so a slow route
 * holds up neither the stream nor the other consumers of it (with overflowPolicy=block only its own backlog grows).
 * Errors of the stream go to the exception handler. Suspending stops taking results; graceful shutdown routes the
 * results already queued. The results of the name's keyed streams (opened by producers with header
 * CamelOvershootStreamKey, before or after the consumer started) come the same way, with the key in that header;
 * with keyed=true they are the only ones, and the consumer opens no stream itself.
 */
@ManagedResource(description = "Managed Overshoot consumer")
public class OvershootConsumer extends StreamConsumer<SharedStream> implements StreamListener, ShutdownAware {

    private static final Logger LOG = LoggerFactory.getLogger(OvershootConsumer.class);

    private final AtomicLong delivered = new AtomicLong();
    private volatile ResultBuffer buffer;
    private ExecutorService executor;

    public OvershootConsumer(OvershootEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    SharedStreams<SharedStream> registry() {
        return getEndpoint().getComponent().streams();
    }

    @Override
    void startDelivery() {
        OvershootConfiguration config = getEndpoint().getConfiguration();
        buffer = new ResultBuffer(config.getResultsQueueSize(), config.getOverflowPolicy(), new BufferEvents());
        executor = getEndpoint().getCamelContext().getExecutorServiceManager()
                .newSingleThreadExecutor(this, "OvershootConsumer[" + getEndpoint().getStreamName() + "]");
        executor.execute(this::deliver);
    }

    @Override
    void stopDelivery() {
        if (buffer != null) {
            buffer.close();
        }
        if (executor != null) {
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdownNow(executor);
            executor = null;
        }
    }

    @Override
    void join(SharedStream named) {
        named.subscribe(this);
    }

    @Override
    void leave(SharedStream named) {
        named.unsubscribe(this);
    }

    @Override
    void pause(SharedStream named) {
        named.unsubscribe(this);
    }

    @Override
    void resume(SharedStream named) {
        named.subscribe(this);
    }

    @Override
    KeyedAttachments.Attachment<SharedStream> attachment(String key, SharedStream keyStream) {
        return new KeyListener(key, keyStream);
    }

    @Override
    public void onResult(InferenceResult result) {
        result(null, result);
    }

    @Override
    public void onEvent(StreamEvent event) {
        event(null, event);
    }

    @Override
    public void onError(OvershootException error) {
        error(getEndpoint().getStreamName(), error);
    }

    private void result(String key, InferenceResult result) {
        if (!result.ok() && getEndpoint().getConfiguration().isDropFailedResults()) {
            buffer.countDropped();
        } else {
            buffer.offer(ResultExchanges.keyed(key, result));
        }
    }

    private void event(String key, StreamEvent event) {
        if (getEndpoint().getConfiguration().isLifecycleEvents()) {
            buffer.offer(ResultExchanges.keyed(key, event));
        }
    }

    private void error(String streamName, OvershootException error) {
        getExceptionHandler().handleException("Overshoot stream '" + streamName + "' failed", error);
    }

    @ManagedAttribute(description = "Results and events handed to the route")
    public long getDeliveredCount() {
        return delivered.get();
    }

    @ManagedAttribute(description = "Results discarded: by overflowPolicy=dropOldest, by dropFailedResults, or left"
                                    + " queued at stop")
    public long getDroppedCount() {
        return buffer == null ? 0 : buffer.dropped();
    }

    @ManagedAttribute(description = "Results rejected by overflowPolicy=fail")
    public long getFailedCount() {
        return buffer == null ? 0 : buffer.failed();
    }

    @ManagedAttribute(description = "Results waiting for the route")
    public int getQueueSize() {
        return buffer == null ? 0 : buffer.size();
    }

    /** Not deferred: the consumer is suspended first (no new results), then Camel waits for the queue to drain. */
    @Override
    public boolean deferShutdown(ShutdownRunningTask shutdownRunningTask) {
        return false;
    }

    @Override
    public int getPendingExchangesSize() {
        return buffer == null ? 0 : buffer.size();
    }

    @Override
    public void prepareShutdown(boolean suspendOnly, boolean forced) {
        // suspending already stopped new results; doStop discards what is left
    }

    private void deliver() {
        ResultBuffer source = buffer;
        try {
            while (!Thread.currentThread().isInterrupted()) {
                process(source.take());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void process(Object item) {
        Exchange exchange = createExchange(false);
        delivered.incrementAndGet();
        try {
            ResultExchanges.fill(exchange.getIn(), item);
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        if (exchange.getException() != null) {
            getExceptionHandler().handleException("Error processing an Overshoot result", exchange,
                    exchange.getException());
        }
        releaseExchange(exchange, false);
    }

    /** What the consumer's buffer reports: rejected results, a route falling behind. */
    private final class BufferEvents implements ResultBuffer.Listener {

        /**
         * Reported on the component's async pool: the offer runs on the results socket's thread, which the exception
         * handler (the route's error handler, with bridgeErrorHandler) must not hold up.
         */
        @Override
        public void rejected(Object item) {
            Object unwrapped = item instanceof ResultExchanges.Keyed keyedItem ? keyedItem.item() : item;
            String what = unwrapped instanceof InferenceResult result ? "Result " + result.id() : "Event " + item;
            RejectedExecutionException error = new RejectedExecutionException(what + " of Overshoot stream '"
                    + getEndpoint().getStreamName() + "' was rejected: the consumer's queue of "
                    + getEndpoint().getConfiguration().getResultsQueueSize() + " is full (overflowPolicy=fail)");
            getEndpoint().getComponent().asyncExecutor().execute(() -> getExceptionHandler().handleException(error));
        }

        @Override
        public void behind(boolean behind) {
            if (behind) {
                LOG.warn("The route of Overshoot consumer '{}' is slower than the results: more than {} wait for it"
                        + " (overflowPolicy=block keeps them all; dropOldest keeps the newest)",
                        getEndpoint().getStreamName(), getEndpoint().getConfiguration().getResultsQueueSize());
            } else {
                LOG.info("The route of Overshoot consumer '{}' caught up with the results", getEndpoint().getStreamName());
            }
        }
    }

    /** What one keyed stream tells the consumer, marked with its key; subscribed while the consumer runs. */
    private final class KeyListener implements StreamListener, KeyedAttachments.Attachment<SharedStream> {

        private final String key;
        private final SharedStream stream;

        KeyListener(String key, SharedStream stream) {
            this.key = key;
            this.stream = stream;
        }

        @Override
        public SharedStream stream() {
            return stream;
        }

        @Override
        public void attach() {
            if (!isSuspendingOrSuspended()) {
                stream.subscribe(this);
            }
        }

        @Override
        public void pause() {
            stream.unsubscribe(this);
        }

        @Override
        public void resume() {
            stream.subscribe(this);
        }

        @Override
        public void detach() {
            stream.unsubscribe(this);
        }

        @Override
        public void onResult(InferenceResult result) {
            result(key, result);
        }

        @Override
        public void onEvent(StreamEvent event) {
            event(key, event);
        }

        @Override
        public void onError(OvershootException error) {
            error(stream.name(), error);
        }
    }
}
