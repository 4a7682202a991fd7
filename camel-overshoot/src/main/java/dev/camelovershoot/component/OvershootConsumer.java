package dev.camelovershoot.component;

import dev.camelovershoot.client.OvershootException;
import dev.camelovershoot.client.StreamEvent;
import dev.camelovershoot.client.StreamListener;
import dev.camelovershoot.client.wire.InferenceResult;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.ShutdownRunningTask;
import org.apache.camel.Suspendable;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.spi.ShutdownAware;
import org.apache.camel.support.DefaultConsumer;
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
public class OvershootConsumer extends DefaultConsumer
        implements StreamListener, ShutdownAware, Suspendable, StreamHealth.Subject {

    private static final Logger LOG = LoggerFactory.getLogger(OvershootConsumer.class);

    private final AtomicLong delivered = new AtomicLong();
    private volatile ResultBuffer buffer;
    private volatile SharedStream stream;
    private volatile StreamFleet<SharedStream> fleet;
    private final KeyedResults keyed = new KeyedResults();
    private ExecutorService executor;
    private OvershootConsumerHealthCheck check;

    public OvershootConsumer(OvershootEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public OvershootEndpoint getEndpoint() {
        return (OvershootEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        OvershootConfiguration config = getEndpoint().getConfiguration();
        buffer = new ResultBuffer(config.getResultsQueueSize(), config.getOverflowPolicy(), new BufferEvents());
        SharedStreams<SharedStream> streams = getEndpoint().getComponent().streams();
        if (!streams.configuration(getEndpoint()).isKeyed()) {
            stream = streams.acquire(getEndpoint());
        }
        fleet = streams.acquireFleet(getEndpoint());
        executor = getEndpoint().getCamelContext().getExecutorServiceManager()
                .newSingleThreadExecutor(this, "OvershootConsumer[" + getEndpoint().getStreamName() + "]");
        executor.execute(this::deliver);
        check = OvershootConsumerHealthCheck.attach(this, getEndpoint(), this);
        if (stream != null) {
            stream.subscribe(this);
        }
        fleet.subscribe(keyed);
    }

    @Override
    protected void doStop() throws Exception {
        if (check != null) {
            check.detach();
            check = null;
        }
        SharedStream current = stream;
        StreamFleet<SharedStream> keyedStreams = fleet;
        stream = null;
        fleet = null;
        if (current != null) {
            current.unsubscribe(this);
        }
        if (keyedStreams != null) {
            keyedStreams.unsubscribe(keyed);
            keyed.leaveAll();
        }
        if (buffer != null) {
            buffer.close();
        }
        if (executor != null) {
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdownNow(executor);
            executor = null;
        }
        if (current != null) {
            getEndpoint().getComponent().streams().release(current);
        }
        if (keyedStreams != null) {
            getEndpoint().getComponent().streams().releaseFleet(keyedStreams);
        }
        super.doStop();
    }

    @Override
    protected void doSuspend() {
        SharedStream current = stream;
        if (current != null) {
            current.unsubscribe(this);
        }
        keyed.unsubscribeAll();
    }

    @Override
    protected void doResume() {
        SharedStream current = stream;
        if (current != null) {
            current.subscribe(this);
        }
        keyed.subscribeAll();
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

    /** Where the stream the URI names stands, for the health check; null with keyed=true (it opens none). */
    @Override
    public StreamStatus streamStatus() {
        SharedStream current = stream;
        return current == null ? (fleet == null ? StreamStatus.starting() : null) : current.status();
    }

    @Override
    public StreamFleet<SharedStream> keyedStreams() {
        return fleet;
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

    /** Subscribes the consumer to each keyed stream of its name, so that their results carry their key. */
    private final class KeyedResults implements StreamFleet.Listener<SharedStream> {

        private final Map<String, KeyListener> subscribed = new ConcurrentHashMap<>();

        @Override
        public void opened(String key, SharedStream keyStream) {
            KeyListener listener = new KeyListener(key, keyStream);
            KeyListener replaced = subscribed.put(key, listener);
            if (replaced != null) {
                replaced.stream.unsubscribe(replaced);
            }
            if (!isSuspendingOrSuspended()) {
                keyStream.subscribe(listener);
            }
        }

        @Override
        public void closed(String key, SharedStream keyStream) {
            KeyListener listener = subscribed.get(key);
            if (listener != null && listener.stream == keyStream && subscribed.remove(key, listener)) {
                keyStream.unsubscribe(listener);
            }
        }

        void subscribeAll() {
            subscribed.values().forEach(listener -> listener.stream.subscribe(listener));
        }

        void unsubscribeAll() {
            subscribed.values().forEach(listener -> listener.stream.unsubscribe(listener));
        }

        /** At stop: unsubscribes and forgets them all; a start subscribes to the streams open then. */
        void leaveAll() {
            unsubscribeAll();
            subscribed.clear();
        }
    }

    /** What one keyed stream tells the consumer, marked with its key. */
    private final class KeyListener implements StreamListener {

        private final String key;
        private final SharedStream stream;

        KeyListener(String key, SharedStream stream) {
            this.key = key;
            this.stream = stream;
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
