package dev.camelovershoot.client;

import static dev.camelovershoot.client.StreamEvent.Type.CONNECTED;
import static dev.camelovershoot.client.StreamEvent.Type.ENDED;
import static dev.camelovershoot.client.StreamEvent.Type.RECONNECTING;
import static dev.camelovershoot.client.StreamEvent.Type.RECREATED;
import static dev.camelovershoot.client.TestSupport.awaitResultSocket;
import static dev.camelovershoot.client.TestSupport.enqueue;
import static dev.camelovershoot.client.TestSupport.freePort;
import static dev.camelovershoot.client.TestSupport.session;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import dev.camelovershoot.testinfra.OvershootEmulator;
import dev.camelovershoot.testinfra.inference.ScriptedBackend;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A service that cannot be reached, at start or for longer than a lease, and comes back without the stream. */
class SessionOutageTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private final int port = freePort();
    private final Recorder recorder = new Recorder();
    private OvershootEmulator emulator;
    private StreamSession session;
    private FrameFeeder feeder;

    @AfterEach
    void stop() {
        TestSupport.stop(feeder, session);
        if (emulator != null) {
            emulator.close();
        }
    }

    @Test
    void aSessionStartedWhileTheServiceIsDownConnectsWhenItComesUp() {
        session = session(client(), "p", recorder).open();

        await().atMost(WAIT).until(() -> recorder.events.stream().filter(event -> event.type() == RECONNECTING)
                .count() >= 3);
        assertThat(session.started()).isNotDone();
        assertThat(session.streamId()).isNull();
        StreamEvent retry = recorder.first(RECONNECTING);
        assertThat(retry.attempt()).isEqualTo(1);
        assertThat(retry.reason()).contains("POST /streams");
        assertThat(recorder.errors).isEmpty();

        emulator = emulatorSettings().build().start();

        StreamSession running = session.started().join();
        String id = running.streamId();
        assertThat(recorder.has(CONNECTED)).isTrue();
        expectResults(id, "up", 2);
    }

    @Test
    void aSessionOutlivesAnOutageLongerThanTheLeaseAndAServiceBackWithoutItsStream() {
        emulator = emulatorSettings().build().start();
        session = session(client(), "p", recorder).start();
        String lost = session.streamId();
        expectResults(lost, "before", 1);

        emulator.close();
        await().atMost(WAIT).until(() -> recorder.has(RECREATED) || recorder.events.stream()
                .filter(event -> event.type() == RECONNECTING && lost.equals(event.streamId())
                        && event.reason() != null && event.reason().contains("POST /streams")).count() >= 2);
        emulator = emulatorSettings().build().start();

        await().atMost(WAIT).until(() -> recorder.events.stream()
                .anyMatch(event -> event.type() == CONNECTED && !lost.equals(event.streamId())));
        String replacement = session.streamId();
        assertThat(replacement).isNotEqualTo(lost);
        assertThat(recorder.first(RECREATED).reason()).isIn(StreamEvent.LEASE_EXPIRED, StreamEvent.NOT_FOUND);
        assertThat(recorder.has(ENDED)).isFalse();
        assertThat(recorder.errors).isEmpty();
        expectResults(replacement, "after", 2);
    }

    @Test
    void aRejectedKeyEndsTheSessionAtOnce() {
        emulator = emulatorSettings().build().start();

        CompletionException error = catchThrowableOfType(CompletionException.class,
                () -> session(TestSupport.client(emulator, "ovs_not_a_key"), "p", recorder).startAsync().join());

        assertThat(error).hasCauseInstanceOf(AuthenticationException.class);
        await().atMost(WAIT).until(() -> recorder.has(ENDED));
        assertThat(recorder.events).containsExactly(StreamEvent.ended(null, StreamEvent.ERROR));
        assertThat(recorder.errors).singleElement().isInstanceOf(AuthenticationException.class);
        assertThat(emulator.requests()).filteredOn(request -> request.path().equals("/streams")).hasSize(1);
    }

    @Test
    void aSpentAttemptBudgetEndsTheSession() {
        ReconnectPolicy threeTries = new ReconnectPolicy(Duration.ofMillis(50), Duration.ofMillis(100), 3);

        CompletionException error = catchThrowableOfType(CompletionException.class,
                () -> session(client(), "p", recorder).reconnectPolicy(threeTries).startAsync().join());

        assertThat(error).hasCauseInstanceOf(NetworkException.class);
        await().atMost(WAIT).until(() -> recorder.has(ENDED));
        assertThat(recorder.events).extracting(StreamEvent::type).containsExactly(RECONNECTING, RECONNECTING, ENDED);
    }

    /** A client of the emulator on {@link #port}, running or not. */
    private OvershootClient client() {
        return OvershootClient.builder()
                .baseUrl("http://127.0.0.1:" + port + "/v0.2")
                .apiKey(OvershootEmulator.DEFAULT_API_KEY)
                .connectTimeout(Duration.ofSeconds(2))
                .requestTimeout(Duration.ofSeconds(3))
                .build();
    }

    private OvershootEmulator.Builder emulatorSettings() {
        return OvershootEmulator.builder().port(port).leaseTtlSeconds(2).backend(new ScriptedBackend());
    }

    /** Feeds the stream until {@code count} scripted results arrived on it. */
    private void expectResults(String streamId, String prefix, int count) {
        awaitResultSocket(emulator, streamId);
        int before = recorder.results.size();
        enqueue(emulator, prefix, count);
        if (feeder != null) {
            feeder.close();
        }
        feeder = FrameFeeder.feed(emulator, session::streamId);
        await().atMost(WAIT).until(() -> recorder.results.size() >= before + count);
        assertThat(recorder.results.subList(before, before + count))
                .allSatisfy(result -> assertThat(result.streamId()).isEqualTo(streamId));
    }
}
