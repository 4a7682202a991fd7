package dev.camelovershoot.client;

import static dev.camelovershoot.client.StreamEvent.Type.CONNECTED;
import static dev.camelovershoot.client.StreamEvent.Type.ENDED;
import static dev.camelovershoot.client.StreamEvent.Type.RECOVERED;
import static dev.camelovershoot.client.StreamEvent.Type.RECREATED;
import static dev.camelovershoot.client.TestSupport.awaitResultSocket;
import static dev.camelovershoot.client.TestSupport.enqueue;
import static dev.camelovershoot.client.TestSupport.session;
import static dev.camelovershoot.client.TestSupport.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.camelovershoot.testinfra.OvershootEmulator;
import dev.camelovershoot.testinfra.OvershootEmulatorExtension;
import dev.camelovershoot.testinfra.inference.ScriptedBackend;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The default policy that replaces a lost stream, and the losses it must leave alone. */
class StreamRecreateTest extends SessionTestBase {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @RegisterExtension
    static final OvershootEmulatorExtension EMULATOR = OvershootEmulatorExtension.create(b -> b
            .leaseTtlSeconds(2).streamLimitPerKey(20).backend(new ScriptedBackend()));

    @RegisterExtension
    static final OvershootEmulatorExtension FEW_CREDITS = OvershootEmulatorExtension.create(b -> b
            .leaseTtlSeconds(2).creditsCents(1).centsPerSecond(1));

    StreamRecreateTest() {
        super(EMULATOR.emulator());
    }

    @Test
    void replacesAStreamLostInADeployKeepingThePromptInEffect() {
        session = session(client, "first", recorder).start();
        String lost = session.streamId();
        session.updatePrompt("second");
        feeder = FrameFeeder.feed(emulator, session::streamId);

        emulator.faults().restartLosingState();

        await().atMost(WAIT).until(() -> recorder.has(RECREATED) && recorder.events.stream()
                .anyMatch(event -> event.type() == CONNECTED && !event.streamId().equals(lost)));
        String replacement = session.streamId();
        assertThat(replacement).isNotEqualTo(lost);
        StreamEvent recreated = recorder.first(RECREATED);
        assertThat(recreated.previousStreamId()).isEqualTo(lost);
        assertThat(recreated.streamId()).isEqualTo(replacement);
        assertThat(recreated.reason()).isEqualTo(StreamEvent.NOT_FOUND);
        assertThat(snapshot(emulator, replacement).prompt()).isEqualTo("second");
        assertThat(recorder.has(ENDED)).isFalse();
        assertThat(recorder.errors).isEmpty();

        awaitResultSocket(emulator, replacement);
        enqueue(emulator, "new", 2);
        await().atMost(WAIT).until(() -> recorder.results.size() >= 2);
        assertThat(recorder.results).allSatisfy(result -> {
            assertThat(result.streamId()).isEqualTo(replacement);
            assertThat(result.prompt()).isEqualTo("second");
        });
        session.close();
        assertThat(recorder.events).last().isEqualTo(StreamEvent.ended(replacement, StreamEvent.CLIENT_REQUESTED));
        assertThat(snapshot(emulator, replacement).endReason()).isEqualTo("client_requested");
    }

    @Test
    void replacesAStreamWhoseLeaseExpired() {
        session = session(client, "p", recorder).start();
        String lost = session.streamId();

        emulator.faults().delayNextKeepalives(1, Duration.ofSeconds(3));

        await().atMost(WAIT).until(() -> recorder.has(RECREATED));
        assertThat(recorder.first(RECREATED).reason()).isEqualTo(StreamEvent.LEASE_EXPIRED);
        assertThat(recorder.first(RECREATED).previousStreamId()).isEqualTo(lost);
        assertThat(snapshot(emulator, lost).endReason()).isEqualTo("lease_expired");
        String replacement = session.streamId();
        await().atMost(WAIT).until(() -> snapshot(emulator, replacement).keepalives() >= 2);
        assertThat(session.isActive()).isTrue();
        assertThat(recorder.errors).isEmpty();
    }

    @Test
    void replacesAStreamWhoseMediaDisconnected() {
        session = session(client, "p", recorder).recreateOnStreamLoss(true).start();
        String lost = session.streamId();
        awaitResultSocket(emulator, lost);

        emulator.faults().endStream(lost, "livekit_disconnected");

        await().atMost(WAIT).until(() -> recorder.has(RECREATED));
        assertThat(recorder.first(RECREATED).reason()).isEqualTo("livekit_disconnected");
        assertThat(session.streamId()).isNotEqualTo(lost);
    }

    @Test
    void recoversTheSameStreamAfterADeployThatKeptIt() {
        session = session(client, "p", recorder).recreateOnStreamLoss(true).start();
        String id = session.streamId();
        awaitResultSocket(emulator, id);
        feeder = FrameFeeder.feed(emulator, () -> id);

        emulator.faults().restart();

        await().atMost(WAIT).until(() -> recorder.has(RECOVERED));
        awaitResultSocket(emulator, id);
        enqueue(emulator, "after", 2);
        await().atMost(WAIT).until(() -> recorder.results.size() >= 2);
        assertThat(session.streamId()).isEqualTo(id);
        assertThat(recorder.has(RECREATED)).isFalse();
        assertThat(recorder.results).allMatch(result -> result.streamId().equals(id));
    }

    @Test
    void leavesAStreamDeletedOnPurposeAlone() {
        session = session(client, "p", recorder).recreateOnStreamLoss(true).start();
        String id = session.streamId();
        awaitResultSocket(emulator, id);

        emulator.faults().endStream(id, StreamEvent.CLIENT_REQUESTED);

        await().atMost(WAIT).until(() -> recorder.has(ENDED));
        assertThat(recorder.events).last().isEqualTo(StreamEvent.ended(id, StreamEvent.CLIENT_REQUESTED));
        assertThat(recorder.has(RECREATED)).isFalse();
        assertThat(emulator.streams()).noneMatch(stream -> !stream.ended());
    }

    @Test
    void replacesAStreamWhoseVideoCannotBeReconnected() {
        RecordingTransport transport = new RecordingTransport(emulator);
        session = session(client, "p", recorder).transport(transport).start();
        String lost = session.streamId();
        awaitResultSocket(emulator, lost);

        transport.lost();

        await().atMost(WAIT).until(() -> recorder.has(RECREATED) && recorder.events.stream()
                .anyMatch(event -> event.type() == CONNECTED && !event.streamId().equals(lost)));
        assertThat(recorder.first(RECREATED).reason()).isEqualTo(StreamEvent.TRANSPORT_FAILED);
        assertThat(transport.connected).hasSize(2);
        assertThat(snapshot(emulator, lost).endReason()).isEqualTo("client_requested");
        assertThat(recorder.errors).isEmpty();
    }

    @Test
    void streamsLostOneAfterAnotherAreReplacedAfterABackoff() {
        RecordingTransport transport = new RecordingTransport(emulator);
        session = session(client, "p", recorder).transport(transport).start();

        for (int loss = 1; loss <= 3; loss++) {
            int connections = loss;
            await().atMost(WAIT).until(() -> transport.connected.size() == connections);
            transport.lost();
        }

        await().atMost(WAIT).until(() -> transport.connected.size() == 4);
        assertThat(recorder.events).filteredOn(event -> event.type() == RECREATED).hasSize(3);
        assertThat(transport.connectTimes.get(3) - transport.connectTimes.get(2))
                .isGreaterThanOrEqualTo(Duration.ofMillis(100).toNanos());
        assertThat(session.isActive()).isTrue();
    }

    @Test
    void doesNotReplaceAStreamThatRanOutOfCredits() {
        OvershootEmulator poor = FEW_CREDITS.emulator();
        session = session(TestSupport.client(poor), "p", recorder).recreateOnStreamLoss(true).start();
        String id = session.streamId();

        await().atMost(WAIT).until(() -> recorder.has(ENDED));

        assertThat(recorder.events).last().isEqualTo(StreamEvent.ended(id, StreamEvent.INSUFFICIENT_CREDITS));
        assertThat(recorder.has(RECREATED)).isFalse();
        assertThat(recorder.errors).isNotEmpty();
    }
}
