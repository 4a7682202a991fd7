package dev.camelovershoot.component;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.Message;

/**
 * The keyed streams of one endpoint name (header {@link OvershootConstants#STREAM_KEY}): each key's own Overshoot
 * stream, opened on the key's first frame with the name's merged options; closed after streamIdleTimeout without
 * frames, by closeStream with the key, to make room under maxStreams, or with the last user of the name. Its
 * listeners (the name's consumers) hear of every stream opened, and of its close once done.
 */
final class StreamFleet<S extends NamedStream> {

    /** Why a keyed stream closed; a tag of the closed counter. */
    enum Close {
        /** No frame for streamIdleTimeout. */
        IDLE,
        /** Closed to make room for another key (maxStreamsPolicy=closeLeastRecentlyUsed). */
        EVICTED,
        /** closeStream with the key. */
        REQUESTED,
        /** It had ended on its own (a failure no retry fixes, a loss without recreateOnStreamLoss). */
        ENDED,
        /** The last route using the endpoint name stopped. */
        STOPPED
    }

    /** Hears of the fleet's streams: a consumer subscribes to each. */
    interface Listener<S> {

        /** A stream opened, or was open when the listener subscribed; called under the fleet's lock. */
        void opened(String key, S stream);

        /** A stream finished closing (its end already reported to its subscribers). */
        void closed(String key, S stream);
    }

    /** Where the keyed streams stand: counts, and the keys not connected (at most {@code MAX_LISTED}). */
    record Health(int open, long opened, long closed, int down, Map<String, StreamStatus> downKeys) {
    }

    static final int MAX_LISTED = 10;

    private final String name;
    private final OvershootConfiguration configuration;
    private final NamedStream.Starter<S> starter;
    private final OvershootComponent component;
    private final StreamMetrics.Keyed metrics;
    /** Guarded by this. */
    private final Map<String, Entry<S>> open = new LinkedHashMap<>();
    private final List<Listener<S>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong opened = new AtomicLong();
    private final AtomicLong closed = new AtomicLong();
    /** Guarded by this. */
    private ScheduledFuture<?> sweeping;
    /** Guarded by this: set once the last user left; no stream opens after. */
    private boolean stopped;

    private static final class Entry<S> {
        final S stream;
        volatile long lastFrame = System.nanoTime();
        /** When the sweep first saw it ended, 0 before. */
        long endedAt;

        Entry(S stream) {
            this.stream = stream;
        }
    }

    StreamFleet(String name, OvershootConfiguration configuration, NamedStream.Starter<S> starter,
                OvershootComponent component) {
        this.name = name;
        this.configuration = configuration;
        this.starter = starter;
        this.component = component;
        this.metrics = component.metrics().keyed(name);
    }

    /**
     * The key of a producer exchange, {@code null} without the header.
     *
     * @throws IllegalArgumentException for a blank key
     */
    static String key(Message message) {
        if (message.getHeader(OvershootConstants.STREAM_KEY) == null) {
            return null;
        }
        String key = message.getHeader(OvershootConstants.STREAM_KEY, String.class);
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("The header " + OvershootConstants.STREAM_KEY
                    + " is blank: it must name the key (a camera id, ...) whose stream the exchange is for");
        }
        return key;
    }

    String name() {
        return name;
    }

    /** The merged configuration every keyed stream starts with. */
    OvershootConfiguration configuration() {
        return configuration;
    }

    /**
     * The key's stream for a frame: the open one, or a new one (making room as maxStreamsPolicy says). An ended
     * stream stays the key's until the sweep replaces it, so that its frames fail saying why.
     *
     * @throws MaxStreamsExceededException with maxStreamsPolicy=fail when maxStreams keyed streams are open
     */
    synchronized S forFrame(String key) {
        Entry<S> entry = open.get(key);
        if (entry == null) {
            if (stopped) {
                throw new IllegalStateException("The keyed streams of Overshoot endpoint '" + name + "' are closed:"
                        + " its routes stopped");
            }
            makeRoom(key);
            entry = new Entry<>(starter.start(name, key, configuration, component));
            open.put(key, entry);
            opened.incrementAndGet();
            metrics.opened();
            scheduleSweep();
            for (Listener<S> listener : listeners) {
                listener.opened(key, entry.stream);
            }
        }
        entry.lastFrame = System.nanoTime();
        return entry.stream;
    }

    /**
     * The key's open stream, for an operation other than a frame.
     *
     * @throws IllegalStateException when none is open: a key's stream opens on its first frame
     */
    synchronized S existing(String key) {
        Entry<S> entry = open.get(key);
        if (entry == null) {
            throw new IllegalStateException("No stream is open for key '" + key + "' of Overshoot endpoint '" + name
                    + "': a key's stream opens on its first frame (and closes after streamIdleTimeout without one)");
        }
        return entry.stream;
    }

    /** Closes the key's stream now; completes when it is closed, at once when none is open. */
    CompletableFuture<Void> close(String key) {
        Entry<S> entry;
        synchronized (this) {
            entry = open.remove(key);
        }
        return entry == null ? CompletableFuture.completedFuture(null) : close(key, entry, Close.REQUESTED);
    }

    /** Closes every stream and opens no more: the last user of the name stopped. */
    CompletableFuture<Void> closeAll() {
        List<CompletableFuture<Void>> closing = new ArrayList<>();
        Map<String, Entry<S>> all;
        synchronized (this) {
            stopped = true;
            if (sweeping != null) {
                sweeping.cancel(false);
                sweeping = null;
            }
            all = new LinkedHashMap<>(open);
            open.clear();
        }
        all.forEach((key, entry) -> closing.add(close(key, entry, Close.STOPPED)));
        return CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new));
    }

    /** Subscribes a listener, telling it at once of the streams open now. */
    synchronized void subscribe(Listener<S> listener) {
        listeners.add(listener);
        open.forEach((key, entry) -> listener.opened(key, entry.stream));
    }

    void unsubscribe(Listener<S> listener) {
        listeners.remove(listener);
    }

    /** The keyed streams open now. */
    synchronized int openCount() {
        return open.size();
    }

    long openedCount() {
        return opened.get();
    }

    long closedCount() {
        return closed.get();
    }

    /** The counts and the keys whose stream is not connected, the first {@link #MAX_LISTED} of them. */
    synchronized Health health() {
        Map<String, StreamStatus> down = new LinkedHashMap<>();
        int count = 0;
        for (Map.Entry<String, Entry<S>> each : open.entrySet()) {
            StreamStatus status = each.getValue().stream.status();
            if (!status.connected()) {
                count++;
                if (down.size() < MAX_LISTED) {
                    down.put(each.getKey(), status);
                }
            }
        }
        return new Health(open.size(), opened.get(), closed.get(), count, down);
    }

    /** Under the lock: with maxStreams open, fails or closes the stream that got a frame least recently. */
    private void makeRoom(String key) {
        int max = configuration.getMaxStreams();
        if (max <= 0 || open.size() < max) {
            return;
        }
        if (configuration.getMaxStreamsPolicy() == MaxStreamsPolicy.fail) {
            throw new MaxStreamsExceededException("Overshoot endpoint '" + name + "' has " + open.size()
                    + " keyed streams open, its maxStreams=" + max + ": no stream for key '" + key + "'"
                    + " (maxStreamsPolicy=fail; closeLeastRecentlyUsed would close the least recently used)");
        }
        String eldest = null;
        long oldest = Long.MAX_VALUE;
        for (Map.Entry<String, Entry<S>> each : open.entrySet()) {
            if (each.getValue().lastFrame - oldest < 0 || eldest == null) {
                eldest = each.getKey();
                oldest = each.getValue().lastFrame;
            }
        }
        close(eldest, open.remove(eldest), Close.EVICTED);
    }

    private CompletableFuture<Void> close(String key, Entry<S> entry, Close reason) {
        closed.incrementAndGet();
        metrics.closed(reason);
        CompletableFuture<Void> closing = entry.stream.closeAsync();
        component.tearingDown(closing);
        closing.whenComplete((ignored, error) -> listeners.forEach(listener -> listener.closed(key, entry.stream)));
        return closing;
    }

    /** Under the lock: sweeps for idle and ended streams every quarter of the timeout, at most every second. */
    private void scheduleSweep() {
        long timeout = configuration.getStreamIdleTimeout();
        if (sweeping == null && timeout > 0) {
            long period = Math.max(10, Math.min(timeout / 4, 1000));
            sweeping = component.timer().scheduleAtFixedRate(this::sweep, period, period, TimeUnit.MILLISECONDS);
        }
    }

    /** Closes the streams without a frame for streamIdleTimeout, and those ended for as long. */
    private void sweep() {
        long now = System.nanoTime();
        long timeout = TimeUnit.MILLISECONDS.toNanos(configuration.getStreamIdleTimeout());
        Map<String, Entry<S>> idle = new LinkedHashMap<>();
        Map<String, Entry<S>> ended = new LinkedHashMap<>();
        synchronized (this) {
            for (Iterator<Map.Entry<String, Entry<S>>> it = open.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<String, Entry<S>> each = it.next();
                Entry<S> entry = each.getValue();
                if (entry.stream.isOver() && entry.endedAt == 0) {
                    entry.endedAt = now;
                }
                if (entry.endedAt != 0 && now - entry.endedAt >= timeout) {
                    ended.put(each.getKey(), entry);
                    it.remove();
                } else if (entry.endedAt == 0 && now - entry.lastFrame >= timeout) {
                    idle.put(each.getKey(), entry);
                    it.remove();
                }
            }
        }
        idle.forEach((key, entry) -> close(key, entry, Close.IDLE));
        ended.forEach((key, entry) -> close(key, entry, Close.ENDED));
    }
}
