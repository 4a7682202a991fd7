package dev.camelovershoot.actions;

import java.util.Objects;

/**
 * Which stored actions a query returns. Immutable: each method returns a new filter with that criterion set (a
 * criterion given twice keeps the last value); all criteria set must hold. Times are an action's {@code timestamp}.
 */
public final class ActionFilter {

    private static final ActionFilter ALL = new ActionFilter(null, 0, Double.NEGATIVE_INFINITY,
            Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY);

    private final String action;
    private final double minConfidence;
    private final double startTime;
    private final double endTime;
    private final double lastSeconds;

    private ActionFilter(String action, double minConfidence, double startTime, double endTime, double lastSeconds) {
        this.action = action;
        this.minConfidence = minConfidence;
        this.startTime = startTime;
        this.endTime = endTime;
        this.lastSeconds = lastSeconds;
    }

    /** Every action. */
    public static ActionFilter all() {
        return ALL;
    }

    /** Only actions with exactly this name. */
    public ActionFilter action(String name) {
        return new ActionFilter(Objects.requireNonNull(name, "name"), minConfidence, startTime, endTime, lastSeconds);
    }

    /** Only actions with at least this confidence. */
    public ActionFilter minConfidence(double confidence) {
        return new ActionFilter(action, confidence, startTime, endTime, lastSeconds);
    }

    /** Only actions whose timestamp is within {@code [startTime, endTime]}, both inclusive. */
    public ActionFilter between(double start, double end) {
        if (!(start <= end)) {
            throw new IllegalArgumentException("start " + start + " is after end " + end);
        }
        return new ActionFilter(action, minConfidence, start, end, lastSeconds);
    }

    /** Only actions at most this many seconds older than the newest action in the store (inclusive). */
    public ActionFilter lastSeconds(double seconds) {
        if (!(seconds >= 0)) {
            throw new IllegalArgumentException("seconds must not be negative, got " + seconds);
        }
        return new ActionFilter(action, minConfidence, startTime, endTime, seconds);
    }

    /** Whether the action passes, given the newest timestamp of the store it comes from. */
    public boolean matches(DetectedAction candidate, double newestTimestamp) {
        double t = candidate.timestamp();
        return (action == null || action.equals(candidate.action()))
                && candidate.confidence() >= minConfidence
                && t >= startTime && t <= endTime
                && newestTimestamp - t <= lastSeconds;
    }

    @Override
    public String toString() {
        return "ActionFilter[action=" + action + ", minConfidence=" + minConfidence + ", between=" + startTime + ".."
                + endTime + ", lastSeconds=" + lastSeconds + "]";
    }
}
