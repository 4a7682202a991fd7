package dev.camelovershoot.client;

import dev.camelovershoot.client.wire.Source;
import dev.camelovershoot.client.wire.StreamCreated;
import dev.camelovershoot.testinfra.OvershootEmulator;
import dev.camelovershoot.testinfra.RecordedRequest;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** A transport without media that records what the session asks of it, and can report its source ended. */
final class RecordingTransport implements Transport {

    final List<StreamCreated> connected = new CopyOnWriteArrayList<>();
    /** {@link System#nanoTime()} of each connect. */
    final List<Long> connectTimes = new CopyOnWriteArrayList<>();
    final List<String> tokens = new CopyOnWriteArrayList<>();
    /** The requests the emulator had received at each disconnect. */
    final List<List<RecordedRequest>> requestsAtDisconnect = new CopyOnWriteArrayList<>();
    private final OvershootEmulator emulator;
    private volatile Consumer<OvershootException> failures;

    RecordingTransport(OvershootEmulator emulator) {
        this.emulator = emulator;
    }

    @Override
    public CompletableFuture<Source> prepare() {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> connect(StreamCreated created, Consumer<OvershootException> failures) {
        connectTimes.add(System.nanoTime());
        connected.add(created);
        this.failures = failures;
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void updateToken(String token) {
        tokens.add(token);
    }

    @Override
    public CompletableFuture<Void> disconnect() {
        requestsAtDisconnect.add(emulator.requests());
        return CompletableFuture.completedFuture(null);
    }

    void sourceEnded() {
        failures.accept(new SourceEndedException("The test video ended."));
    }

    /** The video connection failed in a way the transport's own retries could not fix. */
    void lost() {
        failures.accept(new OvershootException("The test transport gave up: token rejected."));
    }

    void sourceFailed() {
        failures.accept(new SourceEndedException("The test camera went away.", new IOException("unplugged")));
    }
}
