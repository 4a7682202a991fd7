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

    /** A failure the session is trying again, for monitoring; stream and results retries are also events. */
    default void onRetry(Retry what) {
    }

    /** What a retry retries. */
    enum Retry {
        /** Creating the stream, or one to replace a lost stream. */
        STREAM,
        /** Opening the results channel after it dropped. */
        RESULTS,
        /** Renewing the lease (keepalive). */
        KEEPALIVE
    }
}
