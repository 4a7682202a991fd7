package dev.camelovershoot.client.v1;

import dev.camelovershoot.client.OvershootException;

/**
 * Receives a {@link Watch}'s answers, in the order they were asked, on the watch's delivery thread, one at a time;
 * a slow listener delays later answers but never the ticks. A call that throws is logged.
 */
public interface WatchListener {

    void onAnswer(WatchAnswer answer);

    /** A failure the watch retries (network, timeout, 429, 5xx) or steps over (a frame not there yet, evicted). */
    default void onError(OvershootException error) {
    }

    /**
     * The last call: the watch stopped, because of {@code cause} (400, 401, 402, 403, 422, or a stream that could
     * not be replaced), or {@code null} when it was closed.
     */
    default void onStopped(OvershootException cause) {
    }
}
