package dev.camelovershoot.component;

import dev.camelovershoot.client.OvershootException;
import dev.camelovershoot.client.StreamEvent;
import dev.camelovershoot.client.v1.SessionListener;
import dev.camelovershoot.client.v1.V1Session;
import dev.camelovershoot.client.v1.Watch;
import dev.camelovershoot.client.v1.WatchAnswer;
import dev.camelovershoot.client.v1.WatchListener;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.Suspendable;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.support.DefaultConsumer;

/**
 * The consumer of an endpoint that speaks v1: runs the client's watch loop on the endpoint's stream (the prompt every
 * intervalSeconds, about the newest frame or the last windowSeconds) and routes one exchange per answer, in order,
 * with the headers of v0.2 results where they apply. The watch never gives up on a transient failure and recreates a
 * stream the service reaped; the health check is DOWN while its questions fail. Suspending stops the watch.
 */
@ManagedResource(description = "Managed Overshoot v1 consumer")
final class V1Consumer extends DefaultConsumer implements WatchListener, SessionListener, Suspendable {

    private final AtomicLong delivered = new AtomicLong();
    private final AtomicInteger failures = new AtomicInteger();
    private volatile V1Stream stream;
    private volatile Watch watch;
    private volatile String lastFailure;
    private volatile OvershootException stoppedBy;
    private ExecutorService events;
    private OvershootConsumerHealthCheck check;

    V1Consumer(OvershootEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public OvershootEndpoint getEndpoint() {
        return (OvershootEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        V1Requests.model(getEndpoint().getConfiguration());
        V1Stream acquired = getEndpoint().getComponent().v1Streams().acquire(getEndpoint());
        stream = acquired;
        if (getEndpoint().getConfiguration().isLifecycleEvents()) {
            events = getEndpoint().getCamelContext().getExecutorServiceManager()
                    .newSingleThreadExecutor(this, "OvershootV1Events[" + getEndpoint().getStreamName() + "]");
        }
        acquired.subscribe(this);
        check = OvershootConsumerHealthCheck.attach(this, getEndpoint(), this::streamStatus);
        acquired.whenStarted().thenAccept(this::startWatch);
    }

    @Override
    protected void doStop() throws Exception {
        if (check != null) {
            check.detach();
            check = null;
        }
        V1Stream current = stream;
        stream = null;
        stopWatch();
        if (current != null) {
            current.unsubscribe(this);
        }
        if (events != null) {
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdownNow(events);
            events = null;
        }
        if (current != null) {
            getEndpoint().getComponent().v1Streams().release(current);
        }
        super.doStop();
    }

    @Override
    protected void doSuspend() {
        stopWatch();
    }

    @Override
    protected void doResume() {
        V1Stream current = stream;
        if (current != null) {
            current.whenStarted().thenAccept(this::startWatch);
        }
    }

    private synchronized void startWatch(V1Session session) {
        if (watch != null || stream == null || isSuspendingOrSuspended()) {
            return;
        }
        OvershootConfiguration config = getEndpoint().getConfiguration();
        Watch.Builder builder = Watch.builder(session.client(), session, V1Requests.model(config), config.getPrompt())
                .every(Duration.ofMillis(Math.round(config.getIntervalSeconds() * 1000)))
                .backoff(StreamRequests.reconnectPolicy(config))
                .listener(this)
                .threadFactory(getEndpoint().getComponent().streamThreads(getEndpoint().getStreamName(), "watch"));
        if (config.getWindowSeconds() > 0) {
            builder.last(Duration.ofMillis(Math.round(config.getWindowSeconds() * 1000)), config.getWindowMaxFps());
        }
        if (config.getMaxOutputTokens() != null) {
            builder.maxTokens(config.getMaxOutputTokens());
        }
        builder.responseFormat(V1Requests.responseFormat(config, getEndpoint().getCamelContext()));
        watch = builder.start();
    }

    private synchronized void stopWatch() {
        Watch current = watch;
        watch = null;
        if (current != null) {
            current.close();
        }
    }

    /** On the watch's delivery thread, in the order asked. */
    @Override
    public void onAnswer(WatchAnswer answer) {
        failures.set(0);
        lastFailure = null;
        Exchange exchange = createExchange(false);
        delivered.incrementAndGet();
        try {
            V1Answers.fill(exchange.getIn(), answer, getEndpoint().getConfiguration().getPrompt());
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        if (exchange.getException() != null) {
            getExceptionHandler().handleException("Error processing an Overshoot answer", exchange,
                    exchange.getException());
        }
        releaseExchange(exchange, false);
    }

    /** A failure the watch retries or steps over: the health check shows it until the next answer. */
    @Override
    public void onError(OvershootException error) {
        failures.incrementAndGet();
        lastFailure = error.getMessage();
    }

    /** Reports a watch that stopped on an error, unless the stream ended first (its questions then fail too). */
    @Override
    public void onStopped(OvershootException cause) {
        V1Stream current = stream;
        if (cause != null && current != null && !current.status().ended()) {
            stoppedBy = cause;
            getExceptionHandler().handleException("The watch of Overshoot stream '" + getEndpoint().getStreamName()
                    + "' stopped", cause);
        }
    }

    /** The stream's lifecycle events, with lifecycleEvents, on their own thread. */
    @Override
    public void onEvent(StreamEvent event) {
        ExecutorService executor = events;
        if (executor != null) {
            executor.execute(() -> routeEvent(event));
        }
    }

    private void routeEvent(StreamEvent event) {
        Exchange exchange = createExchange(false);
        try {
            ResultExchanges.fill(exchange.getIn(), event);
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        if (exchange.getException() != null) {
            getExceptionHandler().handleException("Error processing an Overshoot event", exchange,
                    exchange.getException());
        }
        releaseExchange(exchange, false);
    }

    /** Where the stream and the watch stand, for the health check: the stream's status, unless questions fail. */
    StreamStatus streamStatus() {
        V1Stream current = stream;
        StreamStatus status = current == null ? StreamStatus.starting() : current.status();
        Instant now = Instant.now();
        if (stoppedBy != null) {
            return status.after(StreamEvent.ended(status.streamId(), StreamEvent.ERROR), stoppedBy, now);
        }
        int failed = failures.get();
        if (status.connected() && failed > 0) {
            return status.after(StreamEvent.reconnecting(status.streamId(), failed, "questions fail: " + lastFailure),
                    null, now);
        }
        return status;
    }

    @ManagedAttribute(description = "Answers handed to the route")
    public long getDeliveredCount() {
        return delivered.get();
    }

    @ManagedAttribute(description = "Ticks skipped because the previous question was still in flight")
    public long getSkippedCount() {
        Watch current = watch;
        return current == null ? 0 : current.skipped();
    }
}
