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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
 * stream the service reaped; the health check is DOWN while its questions fail. Suspending stops the watch. Each
 * keyed stream of the name (header CamelOvershootStreamKey) gets a watch of its own, whose answers carry the key;
 * with keyed=true those are the only ones.
 */
@ManagedResource(description = "Managed Overshoot v1 consumer")
final class V1Consumer extends DefaultConsumer
        implements WatchListener, SessionListener, Suspendable, StreamHealth.Subject {

    private final AtomicLong delivered = new AtomicLong();
    private final AtomicInteger failures = new AtomicInteger();
    private volatile V1Stream stream;
    private volatile StreamFleet<V1Stream> fleet;
    private final KeyedWatches keyed = new KeyedWatches();
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
        SharedStreams<V1Stream> streams = getEndpoint().getComponent().v1Streams();
        V1Stream acquired = streams.configuration(getEndpoint()).isKeyed() ? null : streams.acquire(getEndpoint());
        stream = acquired;
        fleet = streams.acquireFleet(getEndpoint());
        if (getEndpoint().getConfiguration().isLifecycleEvents()) {
            events = getEndpoint().getCamelContext().getExecutorServiceManager()
                    .newSingleThreadExecutor(this, "OvershootV1Events[" + getEndpoint().getStreamName() + "]");
        }
        if (acquired != null) {
            acquired.subscribe(this);
        }
        check = OvershootConsumerHealthCheck.attach(this, getEndpoint(), this);
        if (acquired != null) {
            acquired.whenStarted().thenAccept(this::startWatch);
        }
        fleet.subscribe(keyed);
    }

    @Override
    protected void doStop() throws Exception {
        if (check != null) {
            check.detach();
            check = null;
        }
        V1Stream current = stream;
        StreamFleet<V1Stream> keyedStreams = fleet;
        stream = null;
        fleet = null;
        stopWatch();
        if (current != null) {
            current.unsubscribe(this);
        }
        if (keyedStreams != null) {
            keyedStreams.unsubscribe(keyed);
            keyed.leaveAll();
        }
        if (events != null) {
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdownNow(events);
            events = null;
        }
        if (current != null) {
            getEndpoint().getComponent().v1Streams().release(current);
        }
        if (keyedStreams != null) {
            getEndpoint().getComponent().v1Streams().releaseFleet(keyedStreams);
        }
        super.doStop();
    }

    @Override
    protected void doSuspend() {
        stopWatch();
        keyed.stopAll();
    }

    @Override
    protected void doResume() {
        V1Stream current = stream;
        if (current != null) {
            current.whenStarted().thenAccept(this::startWatch);
        }
        keyed.startAll();
    }

    private synchronized void startWatch(V1Session session) {
        if (watch != null || stream == null || isSuspendingOrSuspended()) {
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
        V1Stream answered = stream;
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
        V1Stream current = stream;
        if (current == null && fleet != null) {
            return null;
        }
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

    @Override
    public StreamFleet<V1Stream> keyedStreams() {
        return fleet;
    }

    /** A watch on each keyed stream of the name, from when its session started until it closes. */
    private final class KeyedWatches implements StreamFleet.Listener<V1Stream> {

        private final Map<String, KeyWatch> watches = new ConcurrentHashMap<>();

        @Override
        public void opened(String key, V1Stream keyStream) {
            KeyWatch added = new KeyWatch(key, keyStream);
            KeyWatch replaced = watches.put(key, added);
            if (replaced != null) {
                replaced.stop();
            }
            keyStream.subscribe(added);
            added.startWhenReady();
        }

        @Override
        public void closed(String key, V1Stream keyStream) {
            KeyWatch removed = watches.get(key);
            if (removed != null && removed.stream == keyStream && watches.remove(key, removed)) {
                removed.stop();
                keyStream.unsubscribe(removed);
            }
        }

        void startAll() {
            watches.values().forEach(KeyWatch::startWhenReady);
        }

        void stopAll() {
            watches.values().forEach(KeyWatch::stop);
        }

        /** At stop: stops the watches, unsubscribes and forgets them; a start watches the streams open then. */
        void leaveAll() {
            watches.values().forEach(watch -> {
                watch.stop();
                watch.stream.unsubscribe(watch);
            });
            watches.clear();
        }
    }

    /** The watch of one keyed stream: its answers and lifecycle events carry the key. */
    private final class KeyWatch implements WatchListener, SessionListener {

        private final String key;
        private final V1Stream stream;
        private Watch running;

        KeyWatch(String key, V1Stream stream) {
            this.key = key;
            this.stream = stream;
        }

        void startWhenReady() {
            stream.whenStarted().thenAccept(this::start);
        }

        private synchronized void start(V1Session session) {
            if (running == null && fleet != null && !isSuspendingOrSuspended() && !stream.isOver()) {
                running = watch(session, stream.name(), this);
            }
        }

        synchronized void stop() {
            if (running != null) {
                running.close();
                running = null;
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
