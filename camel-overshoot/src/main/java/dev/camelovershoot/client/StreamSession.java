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
 * <p>It keeps working towards a live stream for as long as it runs: creating the stream, the results channel and
 * the keepalive are retried as the {@link ReconnectPolicy} says (by default without end, waits capped at 30 s), and
 * a stream the service lost (lease expired, media disconnected, unknown after a deploy that lost its state, results
 * channel or video that cannot be reconnected) is replaced by a new one with the same configuration and the prompt
 * in effect; {@link #streamId()} then changes and a {@code RECREATED} event says so
 * ({@link Builder#recreateOnStreamLoss(boolean)} false ends the session instead). Only what no retry can fix ends
 * it: the key rejected (401, 403), no credits (402), an invalid request (400, 422), a spent attempt budget, or the
 * video source's end; the listener gets {@code onError}, then {@code ENDED}.
 *
 * <p>Each session runs two daemon threads, from {@link Builder#threadFactory}: one for its own work (create,
 * keepalive and its retries, recreate, close, the results channel's timers), one for listener calls that do not run
 * on the thread that read a result (see {@link StreamListener}). Both stop at close.
 */
public final class StreamSession implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StreamSession.class);
    private static final Duration DISCONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final int HTTP_FORBIDDEN = 403;
    /** Ends after which a new stream would fail the same way or is not wanted. */
    private static final Set<String> FINAL_REASONS = Set.of(StreamEvent.CLIENT_REQUESTED,
            StreamEvent.INSUFFICIENT_CREDITS);

    private final OvershootClient client;
    private final Transport transport;
    private final StreamListener listener;
    private final ReconnectPolicy reconnectPolicy;
    private final boolean recreateOnStreamLoss;
    private final ScheduledExecutorService control;
    private final ListenerDispatch events;
    private final CompletableFuture<StreamSession> started = new CompletableFuture<>();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private final AtomicBoolean closing = new AtomicBoolean();
    private volatile StreamRequest request;
    private volatile StreamCreated stream;
    /** Whether a result arrived since the last stream loss; written by the results channel's thread. */
    private volatile boolean resultSinceLoss = true;

    // Confined to the control thread.
    private ScheduledFuture<?> nextKeepalive;
    private ScheduledFuture<?> nextTry;
    private ResultsChannel channel;
    private boolean streamGone;
    private int createFailures;
    /** Streams lost in a row without a result in between. */
    private int losses;
    /** {@link System#nanoTime()} at which the current lease ends. */
    private long leaseEnds;

    private StreamSession(Builder builder) {
        this.client = builder.client;
        this.request = builder.request;
        this.transport = builder.transport;
        this.listener = builder.listener;
        this.reconnectPolicy = builder.reconnectPolicy;
        this.recreateOnStreamLoss = builder.recreateOnStreamLoss;
        ThreadFactory threads = builder.threadFactory != null ? builder.threadFactory : client.threadFactory();
        this.control = Threads.single(Threads.factory(threads, "session"));
        this.events = new ListenerDispatch(Threads.single(Threads.factory(threads, "events")));
    }

    public static Builder builder(OvershootClient client, StreamRequest request) {
        return new Builder(client, request);
    }

    /** The current stream's id, {@code null} before the first stream is created; it changes when one is recreated. */
    public String streamId() {
        StreamCreated current = stream;
        return current == null ? null : current.streamId();
    }

    /** The current stream as the service created it, {@code null} before the first one is created. */
    public StreamCreated stream() {
        return stream;
    }

    /** The configuration a recreated stream would get: the original request with the prompt in effect. */
    public StreamRequest request() {
        return request;
    }

    /** Whether the session is over or ending (closed, or ended by the service or a failure): it delivers no more. */
    public boolean isClosed() {
        return closing.get();
    }

    /** Whether the session runs: started and not closing. */
    public boolean isActive() {
        return started.isDone() && !started.isCompletedExceptionally() && !closing.get();
    }

    /**
     * Completes when the first stream's results channel opened; fails only when the session ends before that (a
     * failure no retry can fix, a spent attempt budget, or {@link #close()}). A service that cannot be reached keeps
     * it pending while the session tries again ({@code RECONNECTING} events with the attempt and the error).
     */
    public CompletableFuture<StreamSession> started() {
        return started;
    }

    /** Replaces the prompt from the next inference on; a recreated stream keeps it. */
    public CompletableFuture<StreamConfig> updatePromptAsync(String prompt) {
        if (closing.get()) {
            return CompletableFuture.failedFuture(closedError("update the prompt"));
        }
        String id = streamId();
        if (id == null) {
            return CompletableFuture.failedFuture(new OvershootException("Cannot update the prompt yet: the session"
                    + " is still creating its stream. Wait for started(), or set the prompt in the request."));
        }
        return client.updatePromptAsync(id, prompt).thenApply(config -> {
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

    private StreamSession start() {
        onControl(() -> createStream(null, null));
        // a caller that stops waiting (a timeout, a cancel) stops the session too
        started.whenComplete((running, error) -> {
            if (error != null) {
                closeAsync();
            }
        });
        return this;
    }

    // ---- creating and adopting a stream (control thread) ----

    private void createStream(String previousId, String reason) {
        if (closing.get()) {
            return;
        }
        Futures.call(transport::prepare)
                .thenCompose(source -> client.createStreamAsync(source == null ? request : request.withSource(source)))
                .whenComplete((newStream, error) -> {
                    boolean queued = onControl(() -> createDone(newStream, error, previousId, reason));
                    if (!queued && newStream != null) {
                        deleteQuietly(newStream.streamId());
                    }
                });
    }

    /** A create that failed is tried again after a backoff, unless no retry can fix it or the budget is spent. */
    private void createDone(StreamCreated created, Throwable error, String previousId, String reason) {
        if (error == null) {
            createFailures = 0;
            adopt(created, previousId, reason);
            return;
        }
        OvershootException failure = Futures.unwrap(error);
        if (closing.get()) {
            return;
        }
        if (isFinal(failure) || reconnectPolicy.exhausted(createFailures + 1)) {
            fail(failure, endReason(failure));
            return;
        }
        Duration delay = reconnectPolicy.delayBefore(createFailures);
        createFailures++;
        LOG.warn("Creating {} failed (attempt {}); trying again in {} ms: {}", previousId == null ? "the stream"
                : "a stream to replace " + previousId, reconnectPolicy.describe(createFailures), delay.toMillis(),
                failure.getMessage());
        emit(StreamEvent.reconnecting(previousId, createFailures, failure.getMessage()));
        toListener("onRetry", () -> listener.onRetry(StreamListener.Retry.STREAM));
        disconnectTransport().whenComplete((ignored, none) -> onControl(() -> nextTry = control.schedule(
                () -> createStream(previousId, reason), delay.toMillis(), TimeUnit.MILLISECONDS)));
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
                        transportFailed(id, Futures.unwrap(error));
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
        leaseEnds = System.nanoTime() + TimeUnit.SECONDS.toNanos(ttlSeconds);
        nextKeepalive = control.schedule(() -> keepalive(0), ttlSeconds * 500L, TimeUnit.MILLISECONDS);
    }

    private void keepalive(int failures) {
        String id = streamId();
        client.keepaliveAsync(id)
                .whenCompleteAsync((response, error) -> keepaliveDone(id, failures, response, error), control);
    }

    /**
     * A renewal that failed for a reason a retry may fix is tried again until the lease would have ended; then the
     * service has ended the stream ({@code lease_expired}), so it is lost.
     */
    private void keepaliveDone(String id, int failures, KeepaliveResponse response, Throwable error) {
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
        long leaseLeft = TimeUnit.NANOSECONDS.toMillis(leaseEnds - System.nanoTime());
        if (failure instanceof NotFoundException) {
            streamEnded(id, StreamEvent.NOT_FOUND, failure);
        } else if (isFinal(failure)) {
            fail(failure, endReason(failure));
        } else if (leaseLeft <= 0) {
            streamEnded(id, StreamEvent.LEASE_EXPIRED, failure);
        } else {
            long delay = Math.min(reconnectPolicy.delayBefore(failures).toMillis(), leaseLeft);
            LOG.warn("Keepalive of stream {} failed (attempt {}); trying again in {} ms, {} ms before the lease ends:"
                    + " {}", id, failures + 1, delay, leaseLeft, failure.getMessage());
            toListener("onRetry", () -> listener.onRetry(StreamListener.Retry.KEEPALIVE));
            nextKeepalive = control.schedule(() -> keepalive(failures + 1), delay, TimeUnit.MILLISECONDS);
        }
    }

    /** Failures no retry can fix: the key (401, 403), the credits (402), the request itself (400, 422). */
    private static boolean isFinal(OvershootException failure) {
        return failure instanceof AuthenticationException || failure instanceof InsufficientCreditsException
                || failure instanceof ValidationException || failure instanceof StreamClosedException
                || failure instanceof ApiException api && api.status() == HTTP_FORBIDDEN;
    }

    private static String endReason(OvershootException failure) {
        return failure instanceof InsufficientCreditsException ? StreamEvent.INSUFFICIENT_CREDITS : StreamEvent.ERROR;
    }

    // ---- losing the stream (control thread) ----

    /** The service ended the stream: it is gone there. */
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

    /** The session lost its link to a stream that may still run on the service (media, results channel). */
    private void linkLost(String id, String reason, OvershootException cause) {
        if (closing.get() || !isCurrent(id)) {
            return;
        }
        if (recreateOnStreamLoss) {
            recreate(id, reason);
        } else {
            fail(cause, StreamEvent.ERROR);
        }
    }

    /**
     * Replaces a lost stream: at once the first time, after a backoff when streams keep getting lost before any
     * result arrived, so that a fault that loses every new stream does not create streams in a tight loop.
     */
    private void recreate(String lostId, String reason) {
        losses = resultSinceLoss ? 1 : losses + 1;
        resultSinceLoss = false;
        long pause = losses == 1 ? 0 : reconnectPolicy.delayBefore(losses - 2).toMillis();
        LOG.info("Stream {} was lost ({}); creating a new one with the same configuration{}", lostId, reason,
                pause == 0 ? "" : " in " + pause + " ms");
        cancelKeepalive();
        boolean stillThere = !streamGone;
        streamGone = true;
        closeChannel()
                .thenCompose(ignored -> disconnectTransport())
                .thenCompose(ignored -> stillThere ? deleteQuietly(lostId) : CompletableFuture.completedFuture(null))
                .thenRun(() -> onControl(() -> nextTry = control.schedule(() -> createStream(lostId, reason), pause,
                        TimeUnit.MILLISECONDS)));
    }

    private void transportFailed(String id, OvershootException failure) {
        if (closing.get() || !isCurrent(id)) {
            return;
        }
        if (failure instanceof SourceEndedException ended) {
            if (ended.isFailure()) {
                fail(failure, StreamEvent.SOURCE_ENDED);
            } else {
                shutDown(StreamEvent.SOURCE_ENDED);
            }
        } else if (isFinal(failure)) {
            fail(failure, StreamEvent.ERROR);
        } else {
            LOG.warn("The video of stream {} was lost: {}", id, failure.getMessage());
            linkLost(id, StreamEvent.TRANSPORT_FAILED, failure);
        }
    }

    /** Reports a fatal failure (to the listener, and the caller of start if it is still waiting) and closes. */
    private void fail(OvershootException failure, String endReason) {
        if (closing.get()) {
            return;
        }
        started.completeExceptionally(failure);
        emitError(failure);
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
        if (nextTry != null) {
            nextTry.cancel(false);
        }
        closeChannel()
                .thenCompose(ignored -> disconnectTransport())
                .thenCompose(ignored -> id == null || streamGone ? CompletableFuture.completedFuture(null)
                        : deleteQuietly(id))
                .whenCompleteAsync((ignored, error) -> {
                    emit(StreamEvent.ended(id, endReason));
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
        return Futures.quietly(Futures.call(transport::disconnect)
                .orTimeout(DISCONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS), LOG,
                "The transport failed to disconnect");
    }

    /** Deletes a stream; a failure is logged, not thrown, since the lease ends the stream anyway. */
    private CompletableFuture<Void> deleteQuietly(String id) {
        return Futures.quietly(client.deleteStreamAsync(id), LOG,
                "Could not delete stream " + id + "; its lease will end it");
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
            resultSinceLoss = true;
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
        public void onReconnecting(int attempt, Duration delay, String cause) {
            listener.onEvent(StreamEvent.reconnecting(id, attempt, cause));
            listener.onRetry(StreamListener.Retry.RESULTS);
        }

        @Override
        public void onStreamEnded(String reason) {
            onControl(() -> streamEnded(id, reason, new WebSocketException("Stream " + id
                    + " ended on the service: " + reason + ". Create a new stream, or enable recreateOnStreamLoss"
                    + " to have the session do it.", WebSocketException.GOING_AWAY, "stream ended: " + reason,
                    null)));
        }

        /** A rejected key ends the session; a channel that spent its reconnect budget lost the stream. */
        @Override
        public void onFailed(WebSocketException error) {
            onControl(() -> {
                if (!isCurrent(id)) {
                    return;
                }
                if (error.closeCode() == ResultsChannel.ABNORMAL_CLOSURE) {
                    linkLost(id, StreamEvent.RESULTS_LOST, error);
                } else {
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
        private boolean recreateOnStreamLoss = true;
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

        /**
         * How creating the stream, the results channel and the keepalive try again, and the pause between streams
         * lost in a row; default {@link ReconnectPolicy#defaults()}: 1 s doubling to 30 s, without end. A keepalive
         * is tried again until the lease would have ended, however many attempts the policy allows.
         */
        public Builder reconnectPolicy(ReconnectPolicy reconnectPolicy) {
            this.reconnectPolicy = Objects.requireNonNull(reconnectPolicy, "reconnectPolicy");
            return this;
        }

        /**
         * Replace a stream the service lost (or whose results channel or video cannot be reconnected) by a new one;
         * default on. Off, such a loss ends the session.
         */
        public Builder recreateOnStreamLoss(boolean recreateOnStreamLoss) {
            this.recreateOnStreamLoss = recreateOnStreamLoss;
            return this;
        }

        /**
         * Starts the session in the background and returns it at once: it creates the stream, connects the transport
         * and opens the results channel, retrying as the policy says; {@link StreamSession#started()} tells when it
         * first connected. The way to run a session that must survive a service that is down when it starts.
         */
        public StreamSession open() {
            return new StreamSession(this).start();
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
         * Like {@link #open()}, returning {@link StreamSession#started()}: it completes once the results channel is
         * open, and fails (the session cleaned up) only on a failure no retry can fix or a spent attempt budget. With
         * the default policy a service that cannot be reached keeps it pending while the session retries; a caller
         * that stops waiting ({@code orTimeout}, {@code cancel}) closes the session.
         */
        public CompletableFuture<StreamSession> startAsync() {
            return open().started();
        }

        /** Like {@link #startAsync()}, waiting. */
        public StreamSession start() {
            return Futures.await(startAsync());
        }
    }
}
