package dev.camelovershoot.actions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * Thread-safe storage of detected actions, ordered by timestamp (equal timestamps in the order added), with queries,
 * a summary and JSON/CSV export.
 *
 * <p>{@code new ActionStore()} keeps the newest {@value #DEFAULT_MAX_ACTIONS} actions, so a
 * stream that runs for months cannot grow it without end; {@link #bounded(int, Duration)} sets other bounds and
 * {@link #unbounded()} none.
 *
 * <p>A bounded store ({@link #bounded(int, Duration)}) evicts on every add: the oldest actions beyond
 * {@code maxActions}, and those whose timestamp is more than {@code maxAge} older than the newest one. Age is measured
 * on the stream clock (timestamps), not the wall clock, so a paused stream keeps its actions.
 */
public final class ActionStore {

    /** How many actions a store keeps unless told otherwise: the oldest beyond it are evicted. */
    public static final int DEFAULT_MAX_ACTIONS = 100_000;

    private final int maxActions;
    private final double maxAgeSeconds;
    private final NavigableMap<Key, DetectedAction> actions = new TreeMap<>();
    private final Map<String, Integer> counts = new LinkedHashMap<>();
    private long added;

    /** Orders by timestamp, then by arrival. */
    private record Key(double timestamp, long sequence) implements Comparable<Key> {
        @Override
        public int compareTo(Key other) {
            int byTime = Double.compare(timestamp, other.timestamp);
            return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
        }
    }

    /** A store keeping the newest {@value #DEFAULT_MAX_ACTIONS} actions, of any age. */
    public ActionStore() {
        this(DEFAULT_MAX_ACTIONS, Double.POSITIVE_INFINITY);
    }

    /** A store without bounds: for a finite input (a video file) whose actions must all be kept. */
    public static ActionStore unbounded() {
        return new ActionStore(Integer.MAX_VALUE, Double.POSITIVE_INFINITY);
    }

    private ActionStore(int maxActions, double maxAgeSeconds) {
        this.maxActions = maxActions;
        this.maxAgeSeconds = maxAgeSeconds;
    }

    /**
     * A store keeping at most {@code maxActions} actions, none more than {@code maxAge} older than the newest.
     *
     * @param maxActions at least 1; {@link Integer#MAX_VALUE} for no count limit
     * @param maxAge     positive, or {@code null} for no age limit
     */
    public static ActionStore bounded(int maxActions, Duration maxAge) {
        if (maxActions < 1) {
            throw new IllegalArgumentException("maxActions must be at least 1, got " + maxActions);
        }
        if (maxAge != null && (maxAge.isNegative() || maxAge.isZero())) {
            throw new IllegalArgumentException("maxAge must be positive, got " + maxAge);
        }
        return new ActionStore(maxActions, maxAge == null ? Double.POSITIVE_INFINITY : maxAge.toNanos() / 1e9);
    }

    public synchronized void add(DetectedAction action) {
        put(Objects.requireNonNull(action, "action"));
        evict();
    }

    public synchronized void addAll(Collection<DetectedAction> more) {
        more.forEach(action -> put(Objects.requireNonNull(action, "action")));
        evict();
    }

    /** Every stored action, oldest first. */
    public List<DetectedAction> getActions() {
        return getActions(ActionFilter.all());
    }

    /** The stored actions the filter passes, oldest first. */
    public synchronized List<DetectedAction> getActions(ActionFilter filter) {
        if (actions.isEmpty()) {
            return List.of();
        }
        double newest = actions.lastKey().timestamp();
        return actions.values().stream().filter(a -> filter.matches(a, newest)).toList();
    }

    /** How many actions of each name are stored, in the order the names were first stored. */
    public synchronized Map<String, Integer> summary() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(counts));
    }

    public synchronized int size() {
        return actions.size();
    }

    /** The newest timestamp, the reference of {@link ActionFilter#lastSeconds(double)}; empty for an empty store. */
    public synchronized OptionalDouble newestTimestamp() {
        return actions.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(actions.lastKey().timestamp());
    }

    public synchronized void clear() {
        actions.clear();
        counts.clear();
    }

    /** Writes the stored actions as a JSON array (see {@code docs/actions.md}); creates missing parent folders. */
    public void exportJson(Path file) throws IOException {
        ActionJson.write(prepare(file), getActions());
    }

    /** Writes the stored actions as RFC 4180 CSV (see {@code docs/actions.md}); creates missing parent folders. */
    public void exportCsv(Path file) throws IOException {
        ActionCsv.write(prepare(file), getActions());
    }

    /** The actions of a file written by {@link #exportJson(Path)}. */
    public static List<DetectedAction> readJson(Path file) throws IOException {
        return ActionJson.read(file);
    }

    /** The actions of a file written by {@link #exportCsv(Path)}. */
    public static List<DetectedAction> readCsv(Path file) throws IOException {
        return ActionCsv.read(file);
    }

    private void put(DetectedAction action) {
        actions.put(new Key(action.timestamp(), added++), action);
        counts.merge(action.action(), 1, Integer::sum);
    }

    private void evict() {
        while (actions.size() > maxActions) {
            remove(actions.pollFirstEntry().getValue());
        }
        double cutoff = actions.isEmpty() ? 0 : actions.lastKey().timestamp() - maxAgeSeconds;
        while (!actions.isEmpty() && actions.firstKey().timestamp() < cutoff) {
            remove(actions.pollFirstEntry().getValue());
        }
    }

    private void remove(DetectedAction action) {
        counts.computeIfPresent(action.action(), (name, count) -> count == 1 ? null : count - 1);
    }

    private static Path prepare(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        return file;
    }
}
