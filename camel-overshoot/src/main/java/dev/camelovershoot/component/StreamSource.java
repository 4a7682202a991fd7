package dev.camelovershoot.component;

import dev.camelovershoot.client.ReconnectPolicy;
import dev.camelovershoot.media.FrameSink;
import dev.camelovershoot.media.FrameSource;
import dev.camelovershoot.media.FrameSourceOptions;
import dev.camelovershoot.media.FrameSources;
import dev.camelovershoot.media.I420Frame;
import dev.camelovershoot.media.SourceEnd;
import java.io.IOException;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code source} of a v0.2 or v1 stream, kept reading for as long as the stream runs: a live source (camera, RTSP,
 * RTMP, a failed HLS playlist; see {@link FrameSource#reopens}) that stops or fails is opened again with the stream's
 * reconnect backoff, each attempt a new {@link FrameSource} that released its decoder before reporting its end. The
 * stream stays meanwhile: frames pause, and {@link #status} says the source is down until frames flow again. Only a
 * finite source's end (a file), or running out of {@code reconnectMaxAttempts}, reaches the stream's
 * {@link FrameSink#onEnded}.
 */
final class StreamSource implements FrameSink {

    private static final Logger LOG = LoggerFactory.getLogger(StreamSource.class);

    private final String streamName;
    private final String location;
    private final FrameSourceOptions options;
    private final ReconnectPolicy policy;
    private final Supplier<ScheduledExecutorService> timer;
    private final FrameSink stream;
    private final StreamMetrics metrics;
    private final Runnable changed;
    private FrameSource current;
    private ScheduledFuture<?> reopening;
    private boolean closed;
    /** Consecutive failed attempts; 0 while frames flow. */
    private volatile int failures;
    private volatile String lastError;
    private volatile Instant lastFrame;

    /**
     * Opens the source (a missing file or camera fails here, naming it) without starting it.
     *
     * @param stream  where frames go, and the source's final end
     *
     * @param timer   where reopens wait for their turn, asked for only once the source drops
     * @param changed called when the source goes down or comes back, for the stream to report its state
     */
    StreamSource(String streamName, String location, FrameSourceOptions options, ReconnectPolicy policy,
                 Supplier<ScheduledExecutorService> timer, FrameSink stream, StreamMetrics metrics, Runnable changed) {
        this.streamName = streamName;
        this.location = location;
        this.options = options;
        this.policy = policy;
        this.timer = timer;
        this.stream = stream;
        this.metrics = metrics;
        this.changed = changed;
        this.current = FrameSources.open(location, options);
    }

    synchronized void start() {
        if (!closed) {
            current.start(this);
        }
    }

    /** Stops reading for good: cancels a pending reopen and releases the source's decoder. */
    void close() {
        FrameSource reading;
        synchronized (this) {
            closed = true;
            if (reopening != null) {
                reopening.cancel(false);
            }
            reading = current;
        }
        reading.close();
    }

    /**
     * The stream's status, or while the source is down and the stream is otherwise up, a {@code RECONNECTING} one
     * saying so, with the source's error and the reopen attempt.
     */
    StreamStatus status(StreamStatus stream) {
        String error = lastError;
        int attempt = failures;
        if (attempt == 0 || error == null || !(stream.connected() || stream.state() == StreamStatus.State.STARTING)) {
            return stream;
        }
        return new StreamStatus(StreamStatus.State.RECONNECTING, stream.streamId(), "frame source "
                + current.description() + " delivers no frames; reopening it (attempt " + policy.describe(attempt)
                + ")", error, attempt, lastFrame, null);
    }

    @Override
    public void onFrame(I420Frame frame) {
        lastFrame = Instant.now();
        if (failures > 0) {
            failures = 0;
            lastError = null;
            LOG.info("Overshoot stream '{}': frame source {} delivers frames again", streamName, current.description());
            changed.run();
        }
        stream.onFrame(frame);
    }

    @Override
    public void onEnded(SourceEnd end) {
        SourceEnd last = null;
        synchronized (this) {
            if (closed) {
                return;
            }
            if (!current.reopens(end)) {
                last = end;
            } else if (policy.exhausted(failures + 1)) {
                last = SourceEnd.failure(end.source(), end.frames(), new IOException("gave up after " + (failures + 1)
                        + " attempts (reconnectMaxAttempts): " + (end.failed() ? end.cause().getMessage() : "it stopped")));
            } else {
                scheduleReopen(end);
            }
        }
        if (last != null) {
            stream.onEnded(last);
        } else {
            changed.run();
        }
    }

    private void scheduleReopen(SourceEnd end) {
        int attempt = failures++;
        lastError = end.failed() ? end.cause().getMessage() : "it stopped after " + end.frames() + " frames";
        long delay = policy.delayBefore(attempt).toMillis();
        LOG.warn("Overshoot stream '{}': {}; opening it again in {} ms (attempt {})", streamName, end.describe(), delay,
                policy.describe(failures));
        reopening = timer.get().schedule(this::reopen, delay, TimeUnit.MILLISECONDS);
    }

    private synchronized void reopen() {
        if (closed) {
            return;
        }
        metrics.sourceReopened();
        try {
            current = FrameSources.open(location, options);
        } catch (RuntimeException e) {
            // a camera device that went away with its USB cable: it may come back
            onEnded(SourceEnd.failure(current.description(), 0, e));
            return;
        }
        current.start(this);
    }
}
