package dev.camelovershoot.client.v1;

import dev.camelovershoot.client.OvershootException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Carries a {@link V1Session}'s video into its stream's LiveKit room (the {@code transport} package implements it
 * over LiveKit). The session calls {@link #connect} for each stream it creates, {@link #updateToken} with the token
 * of every keepalive, so that the publisher's own rejoins use the newest, and {@link #disconnect()} before a
 * recreated stream replaces a lost one and at close. Calls come one at a time.
 */
public interface Publisher {

    /**
     * Joins the room and starts publishing.
     *
     * @param failures where to report, after the returned future completed, that the publisher gave up (the
     *                 session then connects again, with the newest token, after a backoff)
     */
    CompletableFuture<Void> connect(Publish publish, Consumer<OvershootException> failures);

    /** A fresh publish token from a keepalive. */
    void updateToken(String token);

    /** Stops publishing; safe to call when not connected. */
    CompletableFuture<Void> disconnect();

    /** No video from this client: a camera source, or video published some other way. */
    static Publisher none() {
        return new Publisher() {
            @Override
            public CompletableFuture<Void> connect(Publish publish, Consumer<OvershootException> failures) {
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public void updateToken(String token) {
                // nothing publishes
            }

            @Override
            public CompletableFuture<Void> disconnect() {
                return CompletableFuture.completedFuture(null);
            }
        };
    }
}
