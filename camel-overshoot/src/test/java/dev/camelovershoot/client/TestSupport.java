package dev.camelovershoot.client;

import static org.awaitility.Awaitility.await;

import dev.camelovershoot.client.wire.Inference;
import dev.camelovershoot.client.wire.Processing;
import dev.camelovershoot.client.wire.StreamRequest;
import dev.camelovershoot.testinfra.OvershootEmulator;
import dev.camelovershoot.testinfra.StreamSnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;

/** Settings that keep the tests fast: short timeouts, quick reconnects and keepalive retries. */
final class TestSupport {

    static final String MODEL = OvershootEmulator.DEFAULT_MODELS.get(0).model();
    static final ReconnectPolicy FAST_RECONNECT = new ReconnectPolicy(Duration.ofMillis(100), Duration.ofMillis(400), 5);
    /** The default policy (unlimited) with short waits. */
    static final ReconnectPolicy FAST_RETRY = new ReconnectPolicy(Duration.ofMillis(100), Duration.ofMillis(400),
            ReconnectPolicy.UNLIMITED);

    private TestSupport() {
    }

    static OvershootClient client(OvershootEmulator emulator) {
        return client(emulator, emulator.apiKey());
    }

    static OvershootClient client(OvershootEmulator emulator, String apiKey) {
        return OvershootClient.builder()
                .baseUrl(emulator.baseUrl())
                .apiKey(apiKey)
                .connectTimeout(Duration.ofSeconds(2))
                .requestTimeout(Duration.ofSeconds(3))
                .reinferRetry(new RetryPolicy(10, Duration.ofMillis(100)))
                .build();
    }

    /** Frame mode, one inference every 0.2 s while frames arrive. */
    static StreamRequest frameRequest(String prompt) {
        return StreamRequest.of(Processing.frame(0.2), Inference.of(prompt, MODEL));
    }

    static StreamSession.Builder session(OvershootClient client, String prompt, Recorder recorder) {
        return StreamSession.builder(client, frameRequest(prompt))
                .listener(recorder)
                .reconnectPolicy(FAST_RETRY);
    }

    static StreamSnapshot snapshot(OvershootEmulator emulator, String streamId) {
        return emulator.stream(streamId).orElseThrow(() -> new AssertionError("emulator has no stream " + streamId));
    }

    /** Waits until the emulator holds an authenticated results socket for the stream, so no result is missed. */
    static void awaitResultSocket(OvershootEmulator emulator, String streamId) {
        await().atMost(Duration.ofSeconds(5))
                .until(() -> emulator.stream(streamId).map(StreamSnapshot::resultSockets).orElse(0) > 0);
    }

    /** A port nothing listens on (yet). */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops feeding frames, then closes the session; either may be {@code null}. */
    static void stop(FrameFeeder feeder, StreamSession session) {
        if (feeder != null) {
            feeder.close();
        }
        if (session != null) {
            session.close();
        }
    }

    /** Drops outputs a previous test queued but did not use. */
    static void clearScript(OvershootEmulator emulator) {
        emulator.scripted().clear();
    }

    static void enqueue(OvershootEmulator emulator, String prefix, int count) {
        for (int i = 1; i <= count; i++) {
            emulator.scripted().enqueue(prefix + i);
        }
    }
}
