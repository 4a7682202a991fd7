package dev.camelovershoot.client;

import dev.camelovershoot.client.wire.InferenceResult;

/**
 * Receives what happens on a {@link StreamSession}. All methods of one session are called one at a time, in order; a
 * method that throws is logged and the session carries on. A result usually arrives on the thread that read it from
 * the results socket (no hand-off), everything else on the session's events thread. Keep them short: the next result
 * waits, and while a result is being handled the socket reads no more.
 */
public interface StreamListener {

    /** A result, in the order the service sent it. */
    default void onResult(InferenceResult result) {
    }

    /** A failure the session could not handle itself; a fatal one is followed by an {@code ENDED} event. */
    default void onError(OvershootException error) {
    }

    /** A lifecycle change. */
    default void onEvent(StreamEvent event) {
    }
}
