package dev.camelovershoot.client.v1;

import dev.camelovershoot.client.OvershootException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** A publisher that publishes nothing and records what the session asked of it: rooms joined, tokens handed on. */
final class RecordingPublisher implements Publisher {

    final List<Publish> joined = new CopyOnWriteArrayList<>();
    final List<String> tokens = new CopyOnWriteArrayList<>();
    final AtomicInteger disconnects = new AtomicInteger();

    @Override
    public CompletableFuture<Void> connect(Publish publish, Consumer<OvershootException> failures) {
        joined.add(publish);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void updateToken(String token) {
        tokens.add(token);
    }

    @Override
    public CompletableFuture<Void> disconnect() {
        disconnects.incrementAndGet();
        return CompletableFuture.completedFuture(null);
    }
}
