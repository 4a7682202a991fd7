package dev.camelovershoot.client.v1;

import dev.camelovershoot.client.Futures;
import dev.camelovershoot.client.InsufficientCreditsException;
import dev.camelovershoot.client.NotFoundException;
import dev.camelovershoot.client.OvershootException;
import dev.camelovershoot.client.ReconnectPolicy;
import dev.camelovershoot.client.StreamClosedException;
import dev.camelovershoot.client.StreamEvent;
import dev.camelovershoot.client.StreamListener;
import dev.camelovershoot.client.Threads;
import java.time.Duration;
import java.util.Objects;
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
 * A v1 stream kept alive: creates it (published by this client through a {@link Publisher}, or a camera the service
 * pulls), renews its lease every {@code max(10 s, ttl/3)} (100 s for the documented 300 s lease: three tries before
 * it lapses, as the official helper does) and hands every fresh publish token to the publisher, so its rejoins use
 * the newest. A stream the service reaped (keepalive 404) is replaced by a new one: {@link #streamId()} changes and
 * a {@code RECREATED} event says so. Network failures, 429 and 5xx are retried with the {@link ReconnectPolicy}
 * (unlimited by default: the session never gives up on them); 400, 401, 402, 403 and 422 end it. At
 * {@link #close()} it stops the keepalive, disconnects the publisher and deletes the stream.
 *
 * <p>All its work, and the listener's calls, run on one thread from the given {@link ThreadFactory}.
 */
public final class V1Session implements WatchedStream, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(V1Session.class);
    private static final Duration MIN_KEEPALIVE = Duration.ofSeconds(10);
    private static final Duration DISCONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final V1Client client;
    private final CreateStreamRequest request;
    private final Publisher publisher;
    private final SessionListener listener;
    private final ReconnectPolicy policy;
    private final Duration keepaliveEvery;
    private final ScheduledExecutorService control;
    private final CompletableFuture<V1Session> started = new CompletableFuture<>();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private final AtomicBoolean closing = new AtomicBoolean();
    private volatile CreatedStream stream;
    private volatile Thread controlThread;

    // Confined to the control thread.
    private Publish publish;
    private ScheduledFuture<?> nextKeepalive;
    private int failures;
    private CompletableFuture<String> replacement;
    private boolean streamGone;

    private V1Session(Builder builder) {
        this.client = builder.client;
        this.request = builder.request;
        this.publisher = builder.publisher;
        this.listener = builder.listener;
        this.policy = builder.policy;
        this.keepaliveEvery = builder.keepaliveEvery;
        ThreadFactory threads = builder.threads;
        this.control = Threads.single(task -> {
            Thread thread = threads.newThread(task);
            controlThread = thread;
            return thread;
        });
    }

    /** A stream this client publishes into. */
    public static Builder builder(V1Client client) {
        return new Builder(client, CreateStreamRequest.published());
    }

    /** A stream the service pulls from a camera. */
    public static Builder camera(V1Client client, CameraSource camera) {
        return new Builder(client, CreateStreamRequest.camera(camera)).publisher(Publisher.none());
    }

    /** The current stream's id; it changes when a reaped stream is recreated. */
    @Override
    public String streamId() {
        return stream.id();
    }

    /** The current stream as the service created it. */
    public CreatedStream stream() {
        return stream;
    }

    /** {@code GET /streams/{id}} of the current stream. */
    public CompletableFuture<StreamInfo> infoAsync() {
        return client.streamAsync(streamId());
    }

    /** A subscribe-only grant for watching the current stream. */
    public CompletableFuture<ViewerToken> viewerTokenAsync() {
        return client.viewerTokenAsync(streamId());
    }

    public V1Client client() {
        return client;
    }

    /** Whether it runs: started and not closing. */
    public boolean isActive() {
        return started.isDone() && !started.isCompletedExceptionally() && !closing.get();
    }

    @Override
    public CompletableFuture<String> recreate(String lostStreamId) {
        CompletableFuture<String> result = new CompletableFuture<>();
        if (!onControl(() -> replace(lostStreamId, StreamEvent.NOT_FOUND).whenComplete((id, error) -> {
            if (error != null) {
                result.completeExceptionally(error);
            } else {
                result.complete(id);
            }
        }))) {
            result.completeExceptionally(closedError("recreate the stream"));
        }
        return result;
    }

    /**
     * Stops the keepalive, disconnects the publisher, deletes the stream; returns after the listener's last call
     * ({@code ENDED}). Safe to call more than once, and from the listener (then it does not wait).
     */
    @Override
    public void close() {
        CompletableFuture<Void> done = closeAsync();
        if (Thread.currentThread() != controlThread) {
            Futures.await(done);
        }
    }

    public CompletableFuture<Void> closeAsync() {
        onControl(() -> shutDown(StreamEvent.CLIENT_REQUESTED));
        return closed;
    }

    private CompletableFuture<V1Session> start() {
        onControl(() -> create(null, null));
        return started;
    }

    // ---- creating (control thread) ----

    private void create(String previousId, String reason) {
        client.createStreamAsync(request).handleAsync((created, error) -> {
            if (error == null) {
                failures = 0;
                adopt(created, previousId, reason);
                return null;
            }
            OvershootException failure = Futures.unwrap(error);
            if (!Failures.isTransient(failure) || policy.exhausted(++failures)) {
                fail(failure);
                return null;
            }
            Duration wait = Failures.wait(failure, policy.delayBefore(failures - 1));
            LOG.warn("Could not create a stream{} (try {}), again in {} ms: {}",
                    previousId == null ? "" : " to replace " + previousId, policy.describe(failures), wait.toMillis(),
                    failure.getMessage());
            guarded("onRetry", () -> listener.onRetry(StreamListener.Retry.STREAM));
            later(wait, () -> create(previousId, reason));
            return null;
        }, control).exceptionally(this::unexpected);
    }

    private void adopt(CreatedStream created, String previousId, String reason) {
        if (closing.get()) {
            LOG.info("Stream {} created while the session closed; deleting it", created.id());
            deleteQuietly(created.id());
            return;
        }
        stream = created;
        publish = created.publish();
        streamGone = false;
        LOG.info("Stream {} {} (lease {} s, {})", created.id(), previousId == null ? "created" : "replaces "
                + previousId, created.ttlSeconds(), created.published() ? "published" : "camera source");
        emit(previousId == null ? StreamEvent.created(created.id())
                : StreamEvent.recreated(created.id(), previousId, reason));
        scheduleKeepalive(keepaliveInterval(created.ttlSeconds()));
        connectPublisher(created.id());
    }

    private void connectPublisher(String id) {
        if (publish == null) {
            replaced(id);
            started.complete(this);
            return;
        }
        Futures.call(() -> publisher.connect(publish, lost -> onControl(() -> publisherLost(id, lost))))
                .handleAsync((ignored, error) -> {
                    if (error == null) {
                        replaced(id);
                        started.complete(this);
                    } else {
                        publisherLost(id, Futures.unwrap(error));
                    }
                    return null;
                }, control).exceptionally(this::unexpected);
    }

    /** The publisher gave up: connect again with the newest token, after a backoff; at start, the start fails. */
    private void publisherLost(String id, OvershootException failure) {
        if (closing.get() || !isCurrent(id)) {
            return;
        }
        if (!started.isDone()) {
            fail(failure);
            return;
        }
        emitError(failure);
        Duration wait = policy.delayBefore(Math.max(0, failures++));
        LOG.warn("The publisher of stream {} gave up; joining again in {} ms: {}", id, wait.toMillis(),
                failure.getMessage());
        disconnectPublisher().thenRun(() -> later(wait, () -> {
            if (isCurrent(id)) {
                connectPublisher(id);
            }
        }));
    }

    // ---- keepalive (control thread) ----

    /** {@code max(10 s, ttl/3)}, unless the builder fixed it. */
    private Duration keepaliveInterval(int ttlSeconds) {
        if (keepaliveEvery != null) {
            return keepaliveEvery;
        }
        Duration third = Duration.ofSeconds(ttlSeconds > 0 ? ttlSeconds : 300).dividedBy(3);
        return third.compareTo(MIN_KEEPALIVE) > 0 ? third : MIN_KEEPALIVE;
    }

    private void scheduleKeepalive(Duration delay) {
        cancelKeepalive();
        nextKeepalive = control.schedule(this::keepalive, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void keepalive() {
        String id = streamId();
        client.keepaliveAsync(id).handleAsync((renewed, error) -> {
            if (closing.get() || !isCurrent(id)) {
                return null;
            }
            if (error == null) {
                renewed(renewed);
            } else {
                keepaliveFailed(id, Futures.unwrap(error));
            }
            return null;
        }, control).exceptionally(this::unexpected);
    }

    private void renewed(KeepaliveResult renewed) {
        failures = 0;
        LOG.debug("Lease of stream {} renewed for {} s", renewed.id(), renewed.ttlSeconds());
        if (renewed.publish() != null && renewed.publish().token() != null) {
            publish = renewed.publish();
            guarded("Publisher.updateToken", () -> publisher.updateToken(renewed.publish().token()));
        }
        scheduleKeepalive(keepaliveInterval(renewed.ttlSeconds()));
    }

    private void keepaliveFailed(String id, OvershootException failure) {
        if (failure instanceof NotFoundException) {
            streamGone = true;
            client.streamAsync(id).handle((info, gone) -> info != null && info.endReason() != null
                            ? info.endReason() : StreamEvent.NOT_FOUND)
                    .thenAccept(reason -> onControl(() -> replace(id, reason)));
        } else if (Failures.isTransient(failure) && !policy.exhausted(++failures)) {
            Duration wait = Failures.wait(failure, policy.delayBefore(failures - 1));
            LOG.warn("Keepalive of stream {} failed (try {}), again in {} ms: {}", id, policy.describe(failures),
                    wait.toMillis(), failure.getMessage());
            guarded("onRetry", () -> listener.onRetry(StreamListener.Retry.KEEPALIVE));
            scheduleKeepalive(wait);
        } else {
            fail(failure);
        }
    }

    // ---- replacing a lost stream (control thread) ----

    private CompletableFuture<String> replace(String lostId, String reason) {
        if (closing.get()) {
            return CompletableFuture.failedFuture(closedError("recreate the stream"));
        }
        if (replacement != null) {
            return replacement;
        }
        if (!isCurrent(lostId)) {
            return CompletableFuture.completedFuture(streamId());
        }
        LOG.info("Stream {} is gone ({}); creating a new one", lostId, reason);
        streamGone = true;
        replacement = new CompletableFuture<>();
        cancelKeepalive();
        CompletableFuture<String> pending = replacement;
        disconnectPublisher().thenRun(() -> onControl(() -> create(lostId, reason)));
        return pending;
    }

    /** The stream {@code id} is connected: whoever waited for a replacement gets it. */
    private void replaced(String id) {
        if (replacement != null) {
            CompletableFuture<String> done = replacement;
            replacement = null;
            done.complete(id);
        }
    }

    // ---- ending (control thread) ----

    private void fail(OvershootException failure) {
        if (closing.get()) {
            return;
        }
        if (!started.completeExceptionally(failure)) {
            emitError(failure);
        }
        shutDown(failure instanceof InsufficientCreditsException ? StreamEvent.INSUFFICIENT_CREDITS
                : StreamEvent.ERROR);
    }

    private void shutDown(String reason) {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        CreatedStream current = stream;
        LOG.info("Closing the v1 session of stream {} ({})", current == null ? null : current.id(), reason);
        cancelKeepalive();
        if (replacement != null) {
            replacement.completeExceptionally(closedError("recreate the stream"));
        }
        disconnectPublisher()
                .thenCompose(ignored -> current == null || streamGone ? CompletableFuture.completedFuture(null)
                        : deleteQuietly(current.id()))
                .whenCompleteAsync((ignored, error) -> {
                    if (current != null) {
                        emit(StreamEvent.ended(current.id(), reason));
                    }
                    started.completeExceptionally(closedError("start"));
                    control.shutdown();
                    closed.complete(null);
                }, control);
    }

    private void cancelKeepalive() {
        if (nextKeepalive != null) {
            nextKeepalive.cancel(false);
            nextKeepalive = null;
        }
    }

    private CompletableFuture<Void> disconnectPublisher() {
        return Futures.quietly(Futures.call(publisher::disconnect)
                .orTimeout(DISCONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS), LOG,
                "The publisher failed to disconnect");
    }

    /** Deletes a stream; a failure is logged, not thrown, since the lease ends the stream anyway. */
    private CompletableFuture<Void> deleteQuietly(String id) {
        return Futures.quietly(client.deleteStreamAsync(id), LOG,
                "Could not delete stream " + id + "; its lease will end it");
    }

    // ---- helpers ----

    private boolean isCurrent(String id) {
        CreatedStream current = stream;
        return current != null && current.id().equals(id);
    }

    private void later(Duration wait, Runnable task) {
        try {
            control.schedule(task, wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopped) {
            LOG.trace("Session closed; retry dropped");
        }
    }

    private Object unexpected(Throwable error) {
        LOG.error("Unexpected failure in the v1 session", error);
        onControl(() -> fail(Futures.unwrap(error)));
        return null;
    }

    private void emit(StreamEvent event) {
        LOG.debug("{}", event);
        guarded("onEvent", () -> listener.onEvent(event));
    }

    private void emitError(OvershootException error) {
        guarded("onError", () -> listener.onError(error));
    }

    private static void guarded(String what, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.warn("{} failed; the session continues", what, e);
        }
    }

    private boolean onControl(Runnable task) {
        try {
            control.execute(task);
            return true;
        } catch (RejectedExecutionException stopped) {
            return false;
        }
    }

    private StreamClosedException closedError(String action) {
        return new StreamClosedException("Cannot " + action + ": the v1 session " + (stream == null ? ""
                : "of stream " + stream.id() + " ") + "is closed. Start a new session.");
    }

    /** Settings of a {@link V1Session}. */
    public static final class Builder {

        private final V1Client client;
        private final CreateStreamRequest request;
        private Publisher publisher = Publisher.none();
        private SessionListener listener = new SessionListener() { };
        private ReconnectPolicy policy = ReconnectPolicy.defaults();
        private Duration keepaliveEvery;
        private ThreadFactory threads = Threads.factory(null, "v1-session");

        private Builder(V1Client client, CreateStreamRequest request) {
            this.client = Objects.requireNonNull(client, "client");
            this.request = request;
        }

        /** Default {@link Publisher#none()}: the video reaches the room some other way. */
        public Builder publisher(Publisher publisher) {
            this.publisher = Objects.requireNonNull(publisher, "publisher");
            return this;
        }

        public Builder listener(SessionListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** Backoff for creating, renewing and rejoining after transient failures; default 1 s → 30 s, unlimited. */
        public Builder reconnectPolicy(ReconnectPolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** A fixed keepalive interval instead of {@code max(10 s, ttl/3)}; it must stay well inside the lease. */
        public Builder keepaliveEvery(Duration keepaliveEvery) {
            if (keepaliveEvery.isNegative() || keepaliveEvery.isZero()) {
                throw new IllegalArgumentException("keepaliveEvery must be positive, was " + keepaliveEvery);
            }
            this.keepaliveEvery = keepaliveEvery;
            return this;
        }

        /** Where the session's thread comes from; default daemon threads {@code overshoot-v1-session-N}. */
        public Builder threadFactory(ThreadFactory threads) {
            this.threads = Objects.requireNonNull(threads, "threads");
            return this;
        }

        /**
         * Creates the stream and connects the publisher. Transient failures of the create are retried as the
         * policy says (for ever by default: bound the wait with {@code orTimeout} if needed); a final one, or a
         * publisher that cannot join the first room, fails the future with the cause, after cleaning up.
         */
        public CompletableFuture<V1Session> startAsync() {
            return new V1Session(this).start();
        }

        public V1Session start() {
            return Futures.await(startAsync());
        }
    }
}
