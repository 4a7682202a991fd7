package dev.camelovershoot.client.v1;

import dev.camelovershoot.client.OvershootException;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/** The stream a {@link Watch} asks about: its current id, and a way to replace it when the service lost it. */
public interface WatchedStream {

    /** The current stream id. */
    String streamId();

    /**
     * Replaces the stream {@code lostStreamId} (404) by a new one; completes with the new id. When it was already
     * replaced, completes with the current id at once.
     */
    CompletableFuture<String> recreate(String lostStreamId);

    /** A stream created elsewhere: the watch asks about it, and stops when it is gone. */
    static WatchedStream of(String streamId) {
        Objects.requireNonNull(streamId, "streamId");
        return new WatchedStream() {
            @Override
            public String streamId() {
                return streamId;
            }

            @Override
            public CompletableFuture<String> recreate(String lostStreamId) {
                return CompletableFuture.failedFuture(new OvershootException("Stream " + lostStreamId
                        + " is gone and was created elsewhere, so the watch cannot replace it; watch a V1Session"
                        + " to have lost streams recreated."));
            }
        };
    }
}
