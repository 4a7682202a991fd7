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
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedResource;

/**
 * The consumer of an endpoint that speaks v1: runs the client's watch loop on the endpoint's stream (the prompt every
 * intervalSeconds, about the newest frame or the last windowSeconds) and routes one exchange per answer, in order,
 * with the headers of v0.2 results where they apply. The watch never gives up on a transient failure and recreates a
 * stream the service reaped; the health check is DOWN while its questions fail. Suspending stops the watch. Each
 * keyed stream of the name (header CamelOvershootStreamKey) gets a watch of its own, whose answers carry the key;
 * with keyed=true those are the only ones.
 */
@ManagedResource(description = "Managed Overshoot v1 consumer")
final class V1Consumer extends StreamConsumer<V1Stream> implements WatchListener, SessionListener {

    private final AtomicLong delivered = new AtomicLong();
    private final AtomicInteger failures = new AtomicInteger();
    private volatile Watch watch;
    private volatile String lastFailure;
    private volatile OvershootException stoppedBy;
    private ExecutorService events;

    V1Consumer(OvershootEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    SharedStreams<V1Stream> registry() {
        return getEndpoint().getComponent().v1Streams();
    }

    /** A wrong model fails the start before any stream opens. */
    @Override
    protected void doStart() throws Exception {
        V1Requests.model(getEndpoint().getConfiguration());
        super.doStart();
    }

    @Override
    void startDelivery() {
        if (getEndpoint().getConfiguration().isLifecycleEvents()) {
            events = getEndpoint().getCamelContext().getExecutorServiceManager()
                    .newSingleThreadExecutor(this, "OvershootV1Events[" + getEndpoint().getStreamName() + "]");
        }
    }

    @Override
    void stopDelivery() {
        if (events != null) {
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdownNow(events);
            events = null;
        }
    }

    @Override
    void join(V1Stream named) {
        named.subscribe(this);
        resume(named);
    }

    @Override
    void leave(V1Stream named) {
        stopWatch();
        named.unsubscribe(this);
    }

    @Override
    void pause(V1Stream named) {
        stopWatch();
    }

    @Override
    void resume(V1Stream named) {
        named.whenStarted().thenAccept(this::startWatch);
    }

    @Override
    KeyedAttachments.Attachment<V1Stream> attachment(String key, V1Stream keyStream) {
        return new KeyWatch(key, keyStream);
    }

    private synchronized void startWatch(V1Session session) {
        if (watch != null || stream() == null || isSuspendingOrSuspended()) {
            return;
        }
        watch = watch(session, getEndpoint().getStreamName(), this);
    }

    /** A watch of the consumer's prompt on a stream's session, its answers and failures told to {@code listener}. */
    private Watch watch(V1Session session, String streamName, WatchListener listener) {
        OvershootConfiguration config = getEndpoint().getConfiguration();
        Watch.Builder builder = Watch.builder(session.client(), session, V1Requests.model(config), config.getPrompt())
                .every(Duration.ofMillis(Math.round(config.getIntervalSeconds() * 1000)))
                .backoff(StreamRequests.reconnectPolicy(config))
                .listener(listener)
                .threadFactory(getEndpoint().getComponent().streamThreads(streamName, "watch"));
        if (config.getWindowSeconds() > 0) {
            builder.last(Duration.ofMillis(Math.round(config.getWindowSeconds() * 1000)), config.getWindowMaxFps());
        }
        if (config.getMaxOutputTokens() != null) {
            builder.maxTokens(config.getMaxOutputTokens());
        }
        builder.responseFormat(V1Requests.responseFormat(config, getEndpoint().getCamelContext()));
        return builder.start();
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
        V1Stream answered = stream();
        if (answered != null) {
            answered.answered(answer.latency());
        }
        deliver(null, answer);
    }

    /** Routes an answer of the named stream or, with its key, of a keyed one. */
    private void deliver(String key, WatchAnswer answer) {
        Exchange exchange = createExchange(false);
        delivered.incrementAndGet();
        try {
            V1Answers.fill(exchange.getIn(), answer, getEndpoint().getConfiguration().getPrompt());
            if (key != null) {
                exchange.getIn().setHeader(OvershootConstants.STREAM_KEY, key);
            }
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
        V1Stream current = stream();
        if (cause != null && current != null && !current.status().ended()) {
            stoppedBy = cause;
            getExceptionHandler().handleException("The watch of Overshoot stream '" + getEndpoint().getStreamName()
                    + "' stopped", cause);
        }
    }

    /** The stream's lifecycle events, with lifecycleEvents, on their own thread. */
    @Override
    public void onEvent(StreamEvent event) {
        routeEvent(null, event);
    }

    private void routeEvent(String key, StreamEvent event) {
        ExecutorService executor = events;
        if (executor != null) {
            executor.execute(() -> route(ResultExchanges.keyed(key, event)));
        }
    }

    private void route(Object event) {
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

    /**
     * Where the stream and the watch stand, for the health check: the stream's status, unless questions fail; null
     * with keyed=true (it opens no stream of its own).
     */
    @Override
    public StreamStatus streamStatus() {
        StreamStatus status = super.streamStatus();
        if (status == null) {
            return null;
        }
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

    /** The watch of one keyed stream: its answers and lifecycle events carry the key. */
    private final class KeyWatch implements WatchListener, SessionListener, KeyedAttachments.Attachment<V1Stream> {

        private final String key;
        private final V1Stream stream;
        private Watch running;

        KeyWatch(String key, V1Stream stream) {
            this.key = key;
            this.stream = stream;
        }

        @Override
        public V1Stream stream() {
            return stream;
        }

        @Override
        public void attach() {
            stream.subscribe(this);
            resume();
        }

        /** Stops the watch; the stream's lifecycle events still come. */
        @Override
        public synchronized void pause() {
            if (running != null) {
                running.close();
                running = null;
            }
        }

        /** Starts the watch once the stream's session started. */
        @Override
        public void resume() {
            stream.whenStarted().thenAccept(this::start);
        }

        @Override
        public void detach() {
            pause();
            stream.unsubscribe(this);
        }

        private synchronized void start(V1Session session) {
            if (running == null && holdsStreams() && !isSuspendingOrSuspended() && !stream.isOver()) {
                running = watch(session, stream.name(), this);
            }
        }

        @Override
        public void onAnswer(WatchAnswer answer) {
            stream.answered(answer.latency());
            deliver(key, answer);
        }

        @Override
        public void onStopped(OvershootException cause) {
            if (cause != null && !stream.isOver()) {
                getExceptionHandler().handleException("The watch of Overshoot stream '" + stream.name() + "' stopped",
                        cause);
            }
        }

        @Override
        public void onEvent(StreamEvent event) {
            routeEvent(key, event);
        }

        /** Retried by the watch or the session; the keyed stream's status shows where it stands. */
        @Override
        public void onError(OvershootException error) {
            // nothing to do: the health check reads the stream's status
        }
    }
}
