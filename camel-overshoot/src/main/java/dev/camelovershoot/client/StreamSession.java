package dev.camelovershoot.client;

import dev.camelovershoot.client.wire.InferenceResult;
import dev.camelovershoot.client.wire.KeepaliveResponse;
import dev.camelovershoot.client.wire.ReinferRequest;
import dev.camelovershoot.client.wire.ReinferResult;
import dev.camelovershoot.client.wire.StreamConfig;
import dev.camelovershoot.client.wire.StreamCreated;
import dev.camelovershoot.client.wire.StreamRequest;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running stream: creates it, connects the {@link Transport}, opens the {@link ResultsChannel}, renews the lease
 * every {@code ttl/2}, and at {@link #close()} stops the keepalive, closes the results channel, disconnects the
 * transport and deletes the stream.
 *
 * <p>With {@link Builder#recreateOnStreamLoss(boolean)}, a stream the service lost (lease expired, media
 * disconnected, unknown after a deploy) is replaced by a new one with the same configuration and the prompt in
 * effect; {@link #streamId()} then changes and a {@code RECREATED} event says so.
 *
 * <p>Each session runs two daemon threads, from {@link Builder#threadFactory}: one for its own work (create,
 * keepalive and its retries, recreate, close, the results channel's timers), one for listener calls that do not run
 * on the thread that read a result (see {@link StreamListener}). Both stop at close.
 */
public final class StreamSession implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StreamSession.class);
    private static final Duration DISCONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Ends after which a new stream would fail the same way or is not wanted. */
    private static final Set<String> FINAL_REASONS = Set.of(StreamEvent.CLIENT_REQUESTED,
            StreamEvent.INSUFFICIENT_CREDITS);

    private final OvershootClient client;
    private final Transport transport;
    private final StreamListener listener;
    private final ReconnectPolicy reconnectPolicy;
    private final RetryPolicy keepaliveRetry;
    private final boolean recreateOnStreamLoss;
    private final ScheduledExecutorService control;
    private final ListenerDispatch events;
    private final CompletableFuture<StreamSession> started = new CompletableFuture<>();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private final AtomicBoolean closing = new AtomicBoolean();
    private volatile StreamRequest request;
    private volatile StreamCreated stream;

    // Confined to the control thread.
    private ScheduledFuture<?> nextKeepalive;
    private ResultsChannel channel;
    private boolean streamGone;

    private StreamSession(Builder builder) {
        this.client = builder.client;
        this.request = builder.request;
        this.transport = builder.transport;
        this.listener = builder.listener;
        this.reconnectPolicy = builder.reconnectPolicy;
        this.keepaliveRetry = builder.keepaliveRetry;
        this.recreateOnStreamLoss = builder.recreateOnStreamLoss;
        ThreadFactory threads = builder.threadFactory != null ? builder.threadFactory : client.threadFactory();
        this.control = Threads.single(Threads.factory(threads, "session"));
        this.events = new ListenerDispatch(Threads.single(Threads.factory(threads, "events")));
    }

    public static Builder builder(OvershootClient client, StreamRequest request) {
        return new Builder(client, request);
    }

    /** The current stream's id; it changes when a lost stream is recreated. */
    public String streamId() {
        return stream.streamId();
    }

    /** The current stream as the service created it. */
    public StreamCreated stream() {
        return stream;
    }

    /** The configuration a recreated stream would get: the original request with the prompt in effect. */
    public StreamRequest request() {
        return request;
    }

    /** Whether the session runs: started and not closing. */
    public boolean isActive() {
        return started.isDone() && !started.isCompletedExceptionally() && !closing.get();
    }

    /** Replaces the prompt from the next inference on; a recreated stream keeps it. */
    public CompletableFuture<StreamConfig> updatePromptAsync(String prompt) {
        if (closing.get()) {
            return CompletableFuture.failedFuture(closedError("update the prompt"));
        }
        return client.updatePromptAsync(streamId(), prompt).thenApply(config -> {
            request = request.withPrompt(config.prompt() != null ? config.prompt() : prompt);
            return config;
        });
    }

    public StreamConfig updatePrompt(String prompt) {
        return Futures.await(updatePromptAsync(prompt));
    }

    /** Runs {@code prompt} on the clip behind an earlier result of this session, with the session's model. */
    public CompletableFuture<ReinferResult> reinferAsync(String resultId, String prompt) {
        if (closing.get()) {
            return CompletableFuture.failedFuture(closedError("reinfer"));
        }
        return client.reinferAsync(ReinferRequest.of(resultId, prompt, request.inference().model()));
    }

    public ReinferResult reinfer(String resultId, String prompt) {
        return Futures.await(reinferAsync(resultId, prompt));
    }

    /**
     * Stops everything and deletes the stream; returns after the listener received {@code ENDED}, its last call.
     * Safe to call more than once, and from a listener (which cannot wait for itself, so the call returns at once).
     */
    @Override
    public void close() {
        CompletableFuture<Void> done = closeAsync();
        if (!events.inListener()) {
            Futures.await(done);
        }
    }

    /** Like {@link #close()} without waiting; the future completes after the listener's last call. */
    public CompletableFuture<Void> closeAsync() {
        onControl(() -> shutDown(StreamEvent.CLIENT_REQUESTED));
        return closed;
    }

    private CompletableFuture<StreamSession> start() {
        onControl(() -> createStream(null, null));
        return started;
    }

    // ---- creating and adopting a stream (control thread) ----

    private void createStream(String previousId, String reason) {
        Futures.call(transport::prepare).thenCompose(source -> {
            StreamRequest body = source == null ? request : request.withSource(source);
            return previousId == null ? client.createStreamAsync(body)
                    : keepaliveRetry.run("Recreating stream " + previousId, () -> client.createStreamAsync(body),
                    StreamSession::transientFailure, control);
        }).whenComplete((newStream, error) -> {
            boolean queued = onControl(() -> {
                if (error != null) {
                    fail(Futures.unwrap(error), StreamEvent.ERROR);
                } else {
                    adopt(newStream, previousId, reason);
                }
            });
            if (!queued && newStream != null) {
                deleteQuietly(newStream.streamId());
            }
        });
    }

    private void adopt(StreamCreated created, String previousId, String reason) {
        String id = created.streamId();
        if (closing.get()) {
            LOG.info("Stream {} created while the session closed; deleting it", id);
            deleteQuietly(id);
            return;
        }
        stream = created;
        streamGone = false;
        LOG.info("Stream {} {} (lease {} s)", id, previousId == null ? "created" : "replaces " + previousId,
                created.ttlSeconds());
        emit(previousId == null ? StreamEvent.created(id) : StreamEvent.recreated(id, previousId, reason));
        scheduleKeepalive(created.ttlSeconds());
        Futures.call(() -> transport.connect(created, failure -> onControl(() -> transportFailed(id, failure))))
                .whenCompleteAsync((ignored, error) -> {
                    if (error != null) {
                        fail(Futures.unwrap(error), StreamEvent.ERROR);
                    } else if (!closing.get() && isCurrent(id)) {
                        channel = new ResultsChannel(client, id, reconnectPolicy, new ChannelEvents(id), events,
                                control, false);
                        channel.start();
                    }
                }, control);
    }

    // ---- keepalive (control thread) ----

    private void scheduleKeepalive(int ttlSeconds) {
        if (ttlSeconds <= 0) {
            LOG.debug("Stream {} has no lease; no keepalive", streamId());
            return;
        }
        nextKeepalive = control.schedule(this::keepalive, ttlSeconds * 500L, TimeUnit.MILLISECONDS);
    }

    private void keepalive() {
        String id = streamId();
        keepaliveRetry.run("Keepalive of stream " + id, () -> closing.get()
                                ? CompletableFuture.failedFuture(closedError("renew the lease"))
                                : client.keepaliveAsync(id),
                        StreamSession::transientFailure, control)
                .whenCompleteAsync((response, error) -> keepaliveDone(id, response, error), control);
    }

    private void keepaliveDone(String id, KeepaliveResponse response, Throwable error) {
        if (closing.get() || !isCurrent(id)) {
            return;
        }
        if (error == null) {
            LOG.debug("Lease of stream {} renewed for {} s", id, response.ttlSeconds());
            if (response.livekitToken() != null) {
                Threads.guarded("Transport.updateToken", () -> transport.updateToken(response.livekitToken()));
            }
            scheduleKeepalive(response.ttlSeconds() > 0 ? response.ttlSeconds() : stream.ttlSeconds());
            return;
        }
        OvershootException failure = Futures.unwrap(error);
        if (failure instanceof NotFoundException) {
            streamEnded(id, StreamEvent.NOT_FOUND, failure);
        } else {
            fail(failure, failure instanceof InsufficientCreditsException ? StreamEvent.INSUFFICIENT_CREDITS
                    : StreamEvent.ERROR);
        }
    }

    /** Failures that another try may fix; 401, 402, 404 and 4xx validation errors will not change. */
    private static boolean transientFailure(OvershootException failure) {
        return failure instanceof NetworkException || failure instanceof ServerException
                || failure instanceof RateLimitException;
    }

    // ---- losing the stream (control thread) ----

    private void streamEnded(String id, String reason, OvershootException cause) {
        if (closing.get() || !isCurrent(id)) {
            return;
        }
        streamGone = true;
        if (StreamEvent.CLIENT_REQUESTED.equals(reason)) {
            shutDown(reason);
        } else if (recreateOnStreamLoss && !FINAL_REASONS.contains(reason)) {
            recreate(id, reason);
        } else {
            fail(cause, reason);
        }
    }

    private void recreate(String lostId, String reason) {
        LOG.info("Stream {} was lost ({}); creating a new one with the same configuration", lostId, reason);
        cancelKeepalive();
        closeChannel()
                .thenCompose(ignored -> disconnectTransport())
                .thenRunAsync(() -> {
                    if (!closing.get()) {
                        createStream(lostId, reason);
                    }
                }, control);
    }

    private void transportFailed(String id, OvershootException failure) {
        if (closing.get() || !isCurrent(id)) {
            return;
        }
        if (failure instanceof SourceEndedException ended && !ended.isFailure()) {
            shutDown(StreamEvent.SOURCE_ENDED);
        } else {
            fail(failure, failure instanceof SourceEndedException ? StreamEvent.SOURCE_ENDED : StreamEvent.ERROR);
        }
    }

    /** Reports a fatal failure (to the caller of start if it is still waiting) and closes the session. */
    private void fail(OvershootException failure, String endReason) {
        if (closing.get()) {
            return;
        }
        if (!started.completeExceptionally(failure)) {
            emitError(failure);
        }
        shutDown(endReason);
    }

    // ---- closing (control thread) ----

    private void shutDown(String endReason) {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        String id = stream == null ? null : stream.streamId();
        LOG.info("Closing the session of stream {} ({})", id, endReason);
        cancelKeepalive();
        closeChannel()
                .thenCompose(ignored -> disconnectTransport())
                .thenCompose(ignored -> id == null || streamGone ? CompletableFuture.completedFuture(null)
                        : deleteQuietly(id))
                .whenCompleteAsync((ignored, error) -> {
                    if (id != null) {
                        emit(StreamEvent.ended(id, endReason));
                    }
                    started.completeExceptionally(closedError("start"));
                    control.shutdown();
                    if (!toListener("the end of the session", () -> closed.complete(null))) {
                        closed.complete(null);
                    }
                    events.shutdown();
                }, control);
    }

    private void cancelKeepalive() {
        if (nextKeepalive != null) {
            nextKeepalive.cancel(false);
            nextKeepalive = null;
        }
    }

    private CompletableFuture<Void> closeChannel() {
        ResultsChannel current = channel;
        channel = null;
        return current == null ? CompletableFuture.completedFuture(null) : current.closeAsync();
    }

    private CompletableFuture<Void> disconnectTransport() {
        return Futures.call(transport::disconnect)
                .orTimeout(DISCONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .exceptionally(error -> {
                    LOG.warn("The transport failed to disconnect: {}", Futures.unwrap(error).getMessage());
                    return null;
                });
    }

    /** Deletes a stream; a failure is logged, not thrown, since the lease ends the stream anyway. */
    private CompletableFuture<Void> deleteQuietly(String id) {
        return client.deleteStreamAsync(id).handle((status, error) -> {
            if (error != null) {
                LOG.warn("Could not delete stream {}; its lease will end it: {}", id,
                        Futures.unwrap(error).getMessage());
            }
            return null;
        });
    }

    // ---- helpers ----

    private boolean isCurrent(String id) {
        StreamCreated current = stream;
        return current != null && current.streamId().equals(id);
    }

    private void emit(StreamEvent event) {
        LOG.debug("{}", event);
        toListener("onEvent", () -> listener.onEvent(event));
    }

    private void emitError(OvershootException error) {
        toListener("onError", () -> listener.onError(error));
    }

    /** Queues a listener call after those already queued; {@code false} when the session has closed. */
    private boolean toListener(String what, Runnable call) {
        try {
            events.execute(() -> Threads.guarded(what, call));
            return true;
        } catch (RejectedExecutionException stopped) {
            LOG.debug("Session closed; {} not delivered", what);
            return false;
        }
    }

    /** Queues work on the control thread; {@code false} when the session has already closed. */
    private boolean onControl(Runnable task) {
        try {
            control.execute(task);
            return true;
        } catch (RejectedExecutionException stopped) {
            LOG.trace("Session already closed");
            return false;
        }
    }

    private StreamClosedException closedError(String action) {
        return new StreamClosedException("Cannot " + action + ": the stream session "
                + (stream == null ? "" : "of stream " + stream.streamId() + " ") + "is closed. Start a new session.");
    }

    /** Relays the results channel: results and channel events straight to the listener, the rest to control. */
    private final class ChannelEvents implements ResultsChannel.Listener {

        private final String id;

        ChannelEvents(String id) {
            this.id = id;
        }

        @Override
        public void onResult(InferenceResult result) {
            listener.onResult(result);
        }

        @Override
        public void onOpen(boolean afterDrop) {
            listener.onEvent(afterDrop ? StreamEvent.recovered(id) : StreamEvent.connected(id));
            if (!afterDrop) {
                onControl(() -> started.complete(StreamSession.this));
            }
        }

        @Override
        public void onReconnecting(int attempt, Duration delay) {
            listener.onEvent(StreamEvent.reconnecting(id, attempt));
        }

        @Override
        public void onStreamEnded(String reason) {
            onControl(() -> streamEnded(id, reason, new WebSocketException("Stream " + id
                    + " ended on the service: " + reason + ". Create a new stream, or enable recreateOnStreamLoss"
                    + " to have the session do it.", WebSocketException.GOING_AWAY, "stream ended: " + reason,
                    null)));
        }

        @Override
        public void onFailed(WebSocketException error) {
            onControl(() -> {
                if (isCurrent(id)) {
                    fail(error, StreamEvent.ERROR);
                }
            });
        }
    }

    /** Settings of a {@link StreamSession}. */
    public static final class Builder {

        private final OvershootClient client;
        private final StreamRequest request;
        private Transport transport = Transport.none();
        private StreamListener listener = new StreamListener() { };
        private ReconnectPolicy reconnectPolicy = ReconnectPolicy.defaults();
        private RetryPolicy keepaliveRetry = RetryPolicy.keepaliveDefaults();
        private boolean recreateOnStreamLoss;
        private ThreadFactory threadFactory;

        private Builder(OvershootClient client, StreamRequest request) {
            this.client = Objects.requireNonNull(client, "client");
            this.request = Objects.requireNonNull(request, "request");
        }

        /** Default {@link Transport#none()}: a native stream whose video is sent some other way. */
        public Builder transport(Transport transport) {
            this.transport = Objects.requireNonNull(transport, "transport");
            return this;
        }

        public Builder listener(StreamListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** How the results channel reconnects; default {@link ReconnectPolicy#defaults()}. */
        public Builder reconnectPolicy(ReconnectPolicy reconnectPolicy) {
            this.reconnectPolicy = Objects.requireNonNull(reconnectPolicy, "reconnectPolicy");
            return this;
        }

        /** Tries per keepalive (and per create when recreating); default 3 tries, 2 s apart. */
        public Builder keepaliveRetry(RetryPolicy keepaliveRetry) {
            this.keepaliveRetry = Objects.requireNonNull(keepaliveRetry, "keepaliveRetry");
            return this;
        }

        /** Replace a stream the service lost by a new one instead of ending the session; default off. */
        public Builder recreateOnStreamLoss(boolean recreateOnStreamLoss) {
            this.recreateOnStreamLoss = recreateOnStreamLoss;
            return this;
        }

        /**
         * Where the session's two threads come from; each gets its role ({@code session}, {@code events}) appended
         * to the name the factory gives it. Default: the client's {@link OvershootClient.Builder#threadFactory}.
         */
        public Builder threadFactory(ThreadFactory threadFactory) {
            this.threadFactory = threadFactory;
            return this;
        }

        /**
         * Creates the stream, connects the transport and completes once the results channel is open. On failure
         * the session cleans up (the stream is deleted) and the future fails with the cause.
         */
        public CompletableFuture<StreamSession> startAsync() {
            return new StreamSession(this).start();
        }

        /** Like {@link #startAsync()}, waiting. */
        public StreamSession start() {
            return Futures.await(startAsync());
        }
    }
}
