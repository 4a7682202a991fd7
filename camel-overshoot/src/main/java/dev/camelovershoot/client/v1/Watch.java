package dev.camelovershoot.client.v1;

import dev.camelovershoot.client.ApiException;
import dev.camelovershoot.client.FrameUnavailableException;
import dev.camelovershoot.client.Futures;
import dev.camelovershoot.client.NetworkException;
import dev.camelovershoot.client.NotFoundException;
import dev.camelovershoot.client.OvershootException;
import dev.camelovershoot.client.ReconnectPolicy;
import dev.camelovershoot.client.Threads;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the same question every interval about a stream's newest frame or its last N seconds, and delivers the
 * answers in order, each with the frame or window it was about. Better than the official helper's loop:
 * <ul>
 *   <li>never two requests in flight; a tick that comes while one is, is skipped and counted ({@link #skipped()});
 *   <li>each request waits at most {@code max(interval, 10 s)};
 *   <li>400, 401, 402, 403 and 422 stop it (retrying cannot help); a 404 for the stream replaces the stream first
 *       ({@link WatchedStream#recreate}), a 404 of a live stream (no frame matched yet) and 409/410 for a frame
 *       are stepped over;
 *   <li>429, 5xx, network failures and timeouts are retried after the {@link ReconnectPolicy} backoff (or the
 *       {@code retry-after} of a 429, when longer): ticks in between are deferred ({@link #deferred()}), not sent.
 * </ul>
 *
 * <p>Two threads from the given {@link ThreadFactory}: one ticks and sends, one delivers answers.
 */
public final class Watch implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Watch.class);
    private static final Duration MIN_TIMEOUT = Duration.ofSeconds(10);

    private final V1Client client;
    private final WatchedStream stream;
    private final Function<OvsReference, ChatRequest> question;
    private final OvsReference about;
    private final Duration interval;
    private final Duration timeout;
    private final ReconnectPolicy backoff;
    private final WatchListener listener;
    private final ScheduledExecutorService ticker;
    private final ExecutorService delivery;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private final AtomicLong answered = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong deferred = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile Thread deliveryThread;

    // Confined to the ticker thread.
    private long tick = -1;
    private boolean inFlight;
    private boolean recreating;
    private long notBeforeNanos;
    private int failures;

    private Watch(Builder builder) {
        this.client = builder.client;
        this.stream = builder.stream;
        this.about = builder.about;
        this.interval = builder.interval;
        this.timeout = interval.compareTo(MIN_TIMEOUT) > 0 ? interval : MIN_TIMEOUT;
        this.backoff = builder.backoff;
        this.listener = builder.listener;
        this.question = builder::request;
        ThreadFactory threads = builder.threads;
        this.ticker = Executors.newSingleThreadScheduledExecutor(threads);
        this.delivery = Executors.newSingleThreadExecutor(task -> {
            Thread thread = threads.newThread(task);
            deliveryThread = thread;
            return thread;
        });
    }

    /**
     * @param stream   what to ask about: a {@link V1Session} (recreates a lost stream) or {@link WatchedStream#of}
     * @param model    a model id
     * @param question the question asked every time
     */
    public static Builder builder(V1Client client, WatchedStream stream, String model, String question) {
        return new Builder(client, stream, model, question);
    }

    /** Answers delivered so far. */
    public long answered() {
        return answered.get();
    }

    /** Ticks skipped because the previous request was still in flight. */
    public long skipped() {
        return skipped.get();
    }

    /** Ticks not sent while backing off after a failure or while the stream was being replaced. */
    public long deferred() {
        return deferred.get();
    }

    /** Requests that failed (retried, stepped over or final). */
    public long failed() {
        return failed.get();
    }

    /** The per-request timeout: {@code max(interval, 10 s)}. */
    public Duration timeout() {
        return timeout;
    }

    public boolean isRunning() {
        return !stopped.get();
    }

    /** Completes after the listener's last call, {@link WatchListener#onStopped}. */
    public CompletableFuture<Void> stoppedFuture() {
        return done;
    }

    /** Stops ticking; an answer in flight is dropped. Returns after {@code onStopped} (at once from the listener). */
    @Override
    public void close() {
        stop(null);
        if (Thread.currentThread() != deliveryThread) {
            Futures.await(done);
        }
    }

    private Watch start() {
        ticker.scheduleAtFixedRate(this::tick, 0, interval.toNanos(), TimeUnit.NANOSECONDS);
        return this;
    }

    // ---- ticking (ticker thread) ----

    private void tick() {
        tick++;
        if (stopped.get()) {
            return;
        }
        if (inFlight) {
            skipped.incrementAndGet();
            LOG.debug("Tick {} skipped: the previous question is still in flight", tick);
            return;
        }
        if (recreating || System.nanoTime() - notBeforeNanos < 0) {
            deferred.incrementAndGet();
            return;
        }
        ask(tick);
    }

    private void ask(long number) {
        inFlight = true;
        String id = stream.streamId();
        OvsReference reference = about.withStreamId(id);
        Instant askedAt = Instant.now();
        long sent = System.nanoTime();
        Futures.call(() -> client.chatAsync(question.apply(reference), timeout))
                .orTimeout(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS)
                .whenCompleteAsync((completion, error) -> {
                    if (error == null) {
                        answer(new WatchAnswer(number, reference, askedAt,
                                Duration.ofNanos(System.nanoTime() - sent), completion));
                    } else {
                        failed(id, failure(error));
                    }
                }, ticker);
    }

    private void answer(WatchAnswer answer) {
        inFlight = false;
        failures = 0;
        if (stopped.get()) {
            return;
        }
        answered.incrementAndGet();
        toListener(() -> listener.onAnswer(answer));
    }

    private void failed(String id, OvershootException failure) {
        failed.incrementAndGet();
        if (stopped.get()) {
            inFlight = false;
            return;
        }
        if (failure instanceof NotFoundException) {
            checkStream(id, failure);
            return;
        }
        inFlight = false;
        if (failure instanceof FrameUnavailableException) {
            toListener(() -> listener.onError(failure));
        } else if (Failures.isTransient(failure) && !backoff.exhausted(++failures)) {
            Duration wait = Failures.wait(failure, backoff.delayBefore(failures - 1));
            notBeforeNanos = System.nanoTime() + wait.toNanos();
            LOG.warn("Watch of stream {}: question failed (try {}), asking again in {} ms: {}", id,
                    backoff.describe(failures), wait.toMillis(), failure.getMessage());
            toListener(() -> listener.onError(failure));
        } else {
            stop(failure);
        }
    }

    /** A 404: a stream that is gone is replaced first; a live one merely had no frame that matched yet. */
    private void checkStream(String id, OvershootException failure) {
        recreating = true;
        inFlight = false;
        client.streamAsync(id).handle((info, error) -> info != null && info.active())
                .thenCompose(alive -> {
                    if (alive) {
                        return CompletableFuture.completedFuture(id);
                    }
                    LOG.info("Watch: stream {} is gone; replacing it before the next question", id);
                    return stream.recreate(id);
                })
                .whenCompleteAsync((newId, error) -> {
                    recreating = false;
                    if (error != null) {
                        stop(Futures.unwrap(error));
                    } else {
                        toListener(() -> listener.onError(failure));
                    }
                }, ticker);
    }

    private static OvershootException failure(Throwable error) {
        Throwable cause = Futures.strip(error);
        return cause instanceof TimeoutException
                ? new NetworkException("No answer within the watch's request timeout", cause)
                : Futures.unwrap(cause);
    }

    // ---- stopping ----

    private void stop(OvershootException cause) {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        if (cause != null) {
            LOG.warn("Watch of stream {} stopped: {}", stream.streamId(), cause.getMessage());
        }
        ticker.shutdownNow();
        if (!toListener(() -> listener.onStopped(cause))) {
            done.complete(null);
            return;
        }
        delivery.execute(() -> done.complete(null));
        delivery.shutdown();
    }

    private boolean toListener(Runnable call) {
        try {
            delivery.execute(() -> {
                try {
                    call.run();
                } catch (RuntimeException e) {
                    LOG.warn("A watch listener failed; the watch continues", e);
                }
            });
            return true;
        } catch (RejectedExecutionException closed) {
            return false;
        }
    }

    /** Settings of a {@link Watch}. */
    public static final class Builder {

        private final V1Client client;
        private final WatchedStream stream;
        private final String model;
        private final String text;
        private Duration span;
        private double maxFps;
        private Duration interval = Duration.ofSeconds(2);
        private ReconnectPolicy backoff = ReconnectPolicy.defaults();
        private WatchListener listener;
        private ThreadFactory threads = Threads.factory(null, "v1-watch");
        private ResponseFormat responseFormat;
        private Integer maxTokens;
        private Double temperature;
        private OvsReference about;

        private Builder(V1Client client, WatchedStream stream, String model, String question) {
            this.client = Objects.requireNonNull(client, "client");
            this.stream = Objects.requireNonNull(stream, "stream");
            this.model = Objects.requireNonNull(model, "model");
            this.text = Objects.requireNonNull(question, "question");
        }

        /** How often to ask; default 2 s. */
        public Builder every(Duration interval) {
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("The interval must be positive, was " + interval);
            }
            this.interval = interval;
            return this;
        }

        /** Ask about the newest frame ({@code frame_index=-1}); the default. */
        public Builder newestFrame() {
            this.span = null;
            return this;
        }

        /** Ask about the last {@code span} up to the live edge, at most {@code maxFps} frames a second. */
        public Builder last(Duration span, double maxFps) {
            this.span = Objects.requireNonNull(span, "span");
            this.maxFps = maxFps;
            return this;
        }

        public Builder responseFormat(ResponseFormat responseFormat) {
            this.responseFormat = responseFormat;
            return this;
        }

        public Builder maxTokens(int maxTokens) {
            this.maxTokens = maxTokens;
            return this;
        }

        public Builder temperature(double temperature) {
            this.temperature = temperature;
            return this;
        }

        /** Backoff after transient failures; default 1 s → 30 s, unlimited (the watch never gives up on them). */
        public Builder backoff(ReconnectPolicy backoff) {
            this.backoff = Objects.requireNonNull(backoff, "backoff");
            return this;
        }

        public Builder listener(WatchListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** Where the watch's two threads come from; default daemon threads {@code overshoot-v1-watch-N}. */
        public Builder threadFactory(ThreadFactory threads) {
            this.threads = Objects.requireNonNull(threads, "threads");
            return this;
        }

        /** Starts ticking at once: the first question goes out now. */
        public Watch start() {
            Objects.requireNonNull(listener, "listener");
            String id = stream.streamId();
            about = span == null ? OvsReference.newestFrame(id) : OvsReference.last(id, span, maxFps);
            request(about);
            return new Watch(this).start();
        }

        /** The question about {@code reference}, with the options. */
        private ChatRequest request(OvsReference reference) {
            ChatRequest.Builder request = ChatRequest.builder(model).ask(text, reference)
                    .responseFormat(responseFormat);
            if (maxTokens != null) {
                request.maxTokens(maxTokens);
            }
            if (temperature != null) {
                request.temperature(temperature);
            }
            return request.build();
        }
    }
}
