package dev.camelovershoot.component;

/** What a consumer does with a new result when its results queue is full (Camel-style option values). */
public enum OverflowPolicy {
    /** Keep queueing for this consumer beyond the queue size: nothing is lost, the route falls behind. */
    block,
    /** Discard the oldest queued result to make room. */
    dropOldest,
    /** Reject the new result and report it to the exception handler. */
    fail
}
