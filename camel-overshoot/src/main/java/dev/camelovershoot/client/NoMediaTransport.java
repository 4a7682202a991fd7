package dev.camelovershoot.client;

import dev.camelovershoot.client.wire.Source;
import dev.camelovershoot.client.wire.StreamCreated;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** A transport that only names the source: someone else publishes the video. */
final class NoMediaTransport implements Transport {

    private final Source source;

    NoMediaTransport(Source source) {
        this.source = source;
    }

    @Override
    public CompletableFuture<Source> prepare() {
        return CompletableFuture.completedFuture(source);
    }

    @Override
    public CompletableFuture<Void> connect(StreamCreated created, Consumer<OvershootException> failures) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> disconnect() {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public String toString() {
        return "NoMediaTransport[" + source + "]";
    }
}
