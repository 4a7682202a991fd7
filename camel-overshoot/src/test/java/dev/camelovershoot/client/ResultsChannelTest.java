package dev.camelovershoot.client;

import static dev.camelovershoot.client.TestSupport.FAST_RECONNECT;
import static dev.camelovershoot.client.TestSupport.awaitResultSocket;
import static dev.camelovershoot.client.TestSupport.client;
import static dev.camelovershoot.client.TestSupport.enqueue;
import static dev.camelovershoot.client.TestSupport.frameRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.camelovershoot.client.wire.InferenceResult;
import dev.camelovershoot.testinfra.OvershootEmulator;
import dev.camelovershoot.testinfra.OvershootEmulatorExtension;
import dev.camelovershoot.testinfra.inference.ScriptedBackend;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A results channel on its own, for streams created without a session. */
class ResultsChannelTest {

    @RegisterExtension
    static final OvershootEmulatorExtension EMULATOR = OvershootEmulatorExtension.create(b -> b
            .leaseTtlSeconds(30).streamLimitPerKey(20).backend(new ScriptedBackend()));

    private final OvershootEmulator emulator = EMULATOR.emulator();
    private final OvershootClient client = client(emulator);
    private final Recorder recorder = new Recorder();

    @Test
    void deliversResultsInOrderOneAtATime() {
        String id = client.createStream(frameRequest("count")).streamId();
        ResultsChannel channel = client.openResults(id, FAST_RECONNECT, recorder);
        awaitResultSocket(emulator, id);
        enqueue(emulator, "r", 5);

        FrameFeeder feeder = FrameFeeder.feed(emulator, () -> id);
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> recorder.results.size() == 5);
        } finally {
            feeder.close();
        }

        assertThat(recorder.texts()).containsExactly("r1", "r2", "r3", "r4", "r5");
        assertThat(recorder.results).allSatisfy(result -> {
            assertThat(result.streamId()).isEqualTo(id);
            assertThat(result.ok()).isTrue();
            assertThat(result.prompt()).isEqualTo("count");
            assertThat(result.id()).isNotBlank();
        });
        // on the thread that read each one (no hand-off), or the channel's own when a call was pending
        assertThat(recorder.threads).hasSize(5)
                .allMatch(name -> name.startsWith("HttpClient-") || name.startsWith("overshoot-results-"));
        assertThat(recorder.opens).containsExactly(false);
        channel.close();
        channel.close();
        assertThat(channel.isActive()).isFalse();
        client.deleteStream(id);
    }

    @Test
    void malformedMessagesAreSkippedAndResultsKeepComing() {
        String id = client.createStream(frameRequest("p")).streamId();
        ResultsChannel channel = client.openResults(id, FAST_RECONNECT, recorder);
        awaitResultSocket(emulator, id);
        emulator.faults().sendRawResultMessage(id, "not json at all");
        emulator.faults().sendRawResultMessage(id, "{\"id\": \"res_x\"}");
        emulator.faults().sendRawResultMessage(id, "[1, 2]");
        enqueue(emulator, "r", 2);

        FrameFeeder feeder = FrameFeeder.feed(emulator, () -> id);
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> recorder.results.size() == 2);
        } finally {
            feeder.close();
        }

        assertThat(recorder.texts()).containsExactly("r1", "r2");
        assertThat(channel.isActive()).isTrue();
        assertThat(recorder.opens).containsExactly(false);
        channel.close();
        client.deleteStream(id);
    }

    @Test
    void theListenerCanCloseItsChannel() {
        String id = client.createStream(frameRequest("p")).streamId();
        AtomicReference<ResultsChannel> self = new AtomicReference<>();
        ResultsChannel channel = client.openResults(id, FAST_RECONNECT, new ResultsChannel.Listener() {
            @Override
            public void onResult(InferenceResult result) {
                recorder.onResult(result);
                self.get().close();
            }
        });
        self.set(channel);
        awaitResultSocket(emulator, id);
        enqueue(emulator, "r", 1);

        FrameFeeder feeder = FrameFeeder.feed(emulator, () -> id);
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> !channel.isActive());
        } finally {
            feeder.close();
        }
        assertThat(recorder.texts()).containsExactly("r1");
        await().atMost(Duration.ofSeconds(5)).until(() -> StreamSessionTest.overshootThreads().stream()
                .noneMatch(name -> name.startsWith("overshoot-results-")));
        client.deleteStream(id);
    }

    @Test
    void rejectedKeyEndsTheChannelWithCode1008() {
        String id = client.createStream(frameRequest("p")).streamId();

        ResultsChannel channel = client(emulator, "ovs_not_a_key").openResults(id, FAST_RECONNECT, recorder);

        await().atMost(Duration.ofSeconds(5)).until(() -> !recorder.errors.isEmpty());
        WebSocketException error = (WebSocketException) recorder.errors.get(0);
        assertThat(error.closeCode()).isEqualTo(1008);
        assertThat(error).hasMessageContaining("API key").hasMessageNotContaining("ovs_not_a_key");
        assertThat(recorder.events).isEmpty();
        assertThat(channel.isActive()).isFalse();
        client.deleteStream(id);
    }

    @Test
    void streamEndIsFinalAndNamesTheReason() {
        String id = client.createStream(frameRequest("p")).streamId();
        ResultsChannel channel = client.openResults(id, FAST_RECONNECT, recorder);
        awaitResultSocket(emulator, id);

        emulator.faults().endStream(id, "livekit_disconnected");

        await().atMost(Duration.ofSeconds(5)).until(() -> !recorder.endReasons.isEmpty());
        assertThat(recorder.endReasons).containsExactly("livekit_disconnected");
        assertThat(recorder.events).isEmpty();
        assertThat(channel.isActive()).isFalse();
    }

    @Test
    void aServerGoingAwayIsADropNotTheStreamsEnd() {
        String id = client.createStream(frameRequest("p")).streamId();
        ResultsChannel channel = client.openResults(id, FAST_RECONNECT, recorder);
        awaitResultSocket(emulator, id);

        emulator.faults().closeResultSockets(id, WebSocketException.GOING_AWAY, "Server shutting down");

        await().atMost(Duration.ofSeconds(5)).until(() -> recorder.opens.size() == 2);
        assertThat(recorder.opens).containsExactly(false, true);
        assertThat(recorder.endReasons).isEmpty();
        assertThat(recorder.events).singleElement().satisfies(event -> assertThat(event.reason())
                .isEqualTo("closed by the service with code 1001 (Server shutting down)"));
        awaitResultSocket(emulator, id);
        enqueue(emulator, "back", 1);
        try (FrameFeeder feeder = FrameFeeder.feed(emulator, () -> id)) {
            await().atMost(Duration.ofSeconds(5)).until(() -> recorder.results.size() == 1);
        }
        channel.close();
        client.deleteStream(id);
    }

    @Test
    void deletingTheStreamEndsItsChannel() {
        String id = client.createStream(frameRequest("p")).streamId();
        client.openResults(id, FAST_RECONNECT, recorder);
        awaitResultSocket(emulator, id);

        client.deleteStream(id);

        await().atMost(Duration.ofSeconds(5)).until(() -> !recorder.endReasons.isEmpty());
        assertThat(recorder.endReasons).containsExactly(StreamEvent.CLIENT_REQUESTED);
    }

    @Test
    void unknownStreamIsReportedAsNotFound() {
        client.openResults("no-such-stream", FAST_RECONNECT, recorder);

        await().atMost(Duration.ofSeconds(5)).until(() -> !recorder.endReasons.isEmpty());
        assertThat(recorder.endReasons).containsExactly(ResultsChannel.NOT_FOUND);
    }

    @Test
    void givesUpAfterTheConfiguredReconnectAttempts() {
        OvershootEmulator doomed = OvershootEmulator.builder().port(0).build().start();
        OvershootClient doomedClient = client(doomed);
        String id = doomedClient.createStream(frameRequest("p")).streamId();
        ResultsChannel channel = doomedClient.openResults(id, FAST_RECONNECT, recorder);
        awaitResultSocket(doomed, id);

        doomed.close();

        await().atMost(Duration.ofSeconds(10)).until(() -> !recorder.errors.isEmpty());
        WebSocketException error = (WebSocketException) recorder.errors.get(0);
        assertThat(error.closeCode()).isEqualTo(1006);
        assertThat(error).hasMessageContaining("5 reconnect attempts");
        assertThat(recorder.events).extracting(StreamEvent::attempt).containsExactly(1, 2, 3, 4, 5);
        assertThat(channel.isActive()).isFalse();
    }
}
