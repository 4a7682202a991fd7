package dev.camelovershoot.client;

import dev.camelovershoot.client.wire.Source;
import dev.camelovershoot.client.wire.StreamCreated;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Carries the video of a {@link StreamSession} to the service. A session calls {@link #prepare()} before each stream
 * is created, {@link #connect} after, {@link #updateToken} after each keepalive that brings a LiveKit token, and
 * {@link #disconnect()} at close and before a recreated stream replaces a lost one. Calls come one at a time.
 */
public interface Transport {

    /**
     * The {@code source} of the create request; {@code null} keeps the request's own source ({@code null} there
     * too means a native stream). A legacy WebRTC transport builds its SDP offer here.
     */
    CompletableFuture<Source> prepare();

    /**
     * Starts sending video to the stream just created (join its LiveKit room, apply its WebRTC answer).
     *
     * @param failures where to report a failure after the returned future completed, e.g. a
     *                 {@link SourceEndedException}; the session then reports it and closes (a source that simply
     *                 reached its end only closes it)
     */
    CompletableFuture<Void> connect(StreamCreated created, Consumer<OvershootException> failures);

    /** A fresh LiveKit token from a keepalive, for the transport's own reconnects. */
    default void updateToken(String token) {
    }

    /** Stops sending video; must be safe to call when not connected. */
    CompletableFuture<Void> disconnect();

    /** A native stream whose video reaches the service some other way (the Overshoot emulator in tests). */
    static Transport none() {
        return new NoMediaTransport(null);
    }

    /** A LiveKit room run by the user, who publishes the video and refreshes the token there. */
    static Transport userManaged(String url, String token) {
        return new NoMediaTransport(Source.liveKit(url, token));
    }
}
