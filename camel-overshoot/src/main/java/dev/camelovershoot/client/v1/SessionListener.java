package dev.camelovershoot.client.v1;

import dev.camelovershoot.client.OvershootException;
import dev.camelovershoot.client.StreamEvent;
import dev.camelovershoot.client.StreamListener;

/**
 * Receives what happens to a {@link V1Session}: {@code CREATED}, {@code RECREATED} (with the lost stream and why)
 * and {@code ENDED} events, and the failures it could not handle. Calls come on the session's thread, one at a time;
 * one that throws is logged. Keep them short.
 */
public interface SessionListener {

    default void onEvent(StreamEvent event) {
    }

    /** A failure; a fatal one is followed by {@code ENDED}, others (a publisher that gave up) by a retry. */
    default void onError(OvershootException error) {
    }

    /** A failed creation of the stream (or of its replacement), or lease renewal, about to be tried again. */
    default void onRetry(StreamListener.Retry what) {
    }
}
