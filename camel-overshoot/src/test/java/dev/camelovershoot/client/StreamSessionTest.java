package dev.camelovershoot.client;

import static dev.camelovershoot.client.StreamEvent.Type.CONNECTED;
import static dev.camelovershoot.client.StreamEvent.Type.CREATED;
import static dev.camelovershoot.client.StreamEvent.Type.ENDED;
import static dev.camelovershoot.client.StreamEvent.Type.RECONNECTING;
import static dev.camelovershoot.client.StreamEvent.Type.RECOVERED;
import static dev.camelovershoot.client.TestSupport.awaitResultSocket;
import static dev.camelovershoot.client.TestSupport.enqueue;
import static dev.camelovershoot.client.TestSupport.session;
import static dev.camelovershoot.client.TestSupport.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import dev.camelovershoot.client.wire.Inference;
import dev.camelovershoot.client.wire.InferenceResult;
import dev.camelovershoot.client.wire.Processing;
import dev.camelovershoot.client.wire.ReinferResult;
import dev.camelovershoot.client.wire.Source;
import dev.camelovershoot.client.wire.StreamCreated;
import dev.camelovershoot.client.wire.StreamRequest;
import dev.camelovershoot.testinfra.OvershootEmulator;
import dev.camelovershoot.testinfra.OvershootEmulatorExtension;
import dev.camelovershoot.testinfra.RecordedRequest;
import dev.camelovershoot.testinfra.inference.ScriptedBackend;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A stream session from start to close, with the faults the emulator can inject. */
class StreamSessionTest extends SessionTestBase {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @RegisterExtension
    static final OvershootEmulatorExtension EMULATOR = OvershootEmulatorExtension.create(b -> b
            .leaseTtlSeconds(2).streamLimitPerKey(20).clipPersistDelay(Duration.ofMillis(300))
            .backend(new ScriptedBackend()));

    StreamSessionTest() {
        super(EMULATOR.emulator());
    }

    @Test
    void runsAStreamFromCreateToClose() {
        Set<String> threadsBefore = overshootThreads();
        session = session(client, "count", recorder).start();
        String id = session.streamId();
        assertThat(recorder.eventTypes()).startsWith(CREATED);
        await().atMost(WAIT).until(() -> recorder.has(CONNECTED));
        assertThat(session.isActive()).isTrue();
        assertThat(snapshot(emulator, id).prompt()).isEqualTo("count");

        awaitResultSocket(emulator, id);
        enqueue(emulator, "r", 3);
        feeder = FrameFeeder.feed(emulator, () -> id);
        await().atMost(WAIT).until(() -> recorder.results.size() == 3);

        session.close();

        assertThat(recorder.texts()).containsExactly("r1", "r2", "r3");
        assertThat(recorder.events).last().isEqualTo(StreamEvent.ended(id, StreamEvent.CLIENT_REQUESTED));
        assertThat(recorder.errors).isEmpty();
        assertThat(snapshot(emulator, id).endReason()).isEqualTo("client_requested");
        assertThat(session.isActive()).isFalse();
        await().atMost(WAIT).until(() -> overshootThreads().equals(threadsBefore));
    }

    @Test
    void closeIsIdempotentAndLaterCallsFail() {
        session = session(client, "p", recorder).start();
        String id = session.streamId();

        session.close();
        session.close();
        session.closeAsync().join();

        assertThat(deletes(id)).isEqualTo(1);
        assertThat(recorder.events).filteredOn(event -> event.type() == ENDED).hasSize(1);
        assertThatThrownBy(() -> session.updatePrompt("x")).isInstanceOf(StreamClosedException.class)
                .hasMessageContaining(id);
        assertThatThrownBy(() -> session.reinfer("r", "x")).isInstanceOf(StreamClosedException.class);
        assertThat(session.updatePromptAsync("x")).isCompletedExceptionally();
    }

    @Test
    void promptUpdatesApplyToLaterResults() {
        session = session(client, "before", recorder).start();
        String id = session.streamId();
        awaitResultSocket(emulator, id);
        enqueue(emulator, "r", 2);
        feeder = FrameFeeder.feed(emulator, () -> id);
        await().atMost(WAIT).until(() -> recorder.results.size() == 2);

        assertThat(session.updatePrompt("after").prompt()).isEqualTo("after");
        enqueue(emulator, "s", 2);
        await().atMost(WAIT).until(() -> recorder.results.size() == 4);

        assertThat(recorder.results).extracting(InferenceResult::prompt)
                .containsExactly("before", "before", "after", "after");
        assertThat(session.request().inference().prompt()).isEqualTo("after");
    }

    @Test
    void keepsTheLeaseAliveHandingFreshTokensToTheTransport() {
        RecordingTransport transport = new RecordingTransport(emulator);
        session = session(client, "p", recorder).transport(transport).start();
        String id = session.streamId();

        await().atMost(WAIT).until(() -> transport.tokens.size() >= 3);

        assertThat(snapshot(emulator, id).keepalives()).isGreaterThanOrEqualTo(3);
        assertThat(snapshot(emulator, id).ended()).isFalse();
        assertThat(transport.tokens).doesNotHaveDuplicates()
                .doesNotContain(transport.connected.get(0).livekit().token());
        session.close();
        assertThat(transport.requestsAtDisconnect).hasSize(1);
        RecordedRequest delete = new RecordedRequest("DELETE", "/streams/" + id, 200);
        assertThat(transport.requestsAtDisconnect.get(0)).doesNotContain(delete);
        assertThat(emulator.requests()).contains(delete);
    }

    @Test
    void reconnectsAfterDroppedSocketsWithoutLosingOrRepeatingResults() {
        session = session(client, "p", recorder).start();
        String id = session.streamId();
        awaitResultSocket(emulator, id);
        enqueue(emulator, "r", 40);
        feeder = FrameFeeder.feed(emulator, () -> id);

        for (int drop = 1; drop <= 2; drop++) {
            int before = recorder.results.size();
            await().atMost(WAIT).until(() -> recorder.results.size() >= before + 3);
            emulator.faults().dropResultSockets(id);
            int recoveries = drop;
            await().atMost(WAIT).until(() -> count(RECOVERED) == recoveries);
        }
        int afterRecovery = recorder.results.size();
        await().atMost(WAIT).until(() -> recorder.results.size() >= afterRecovery + 3);
        feeder.close();

        List<Integer> numbers = recorder.texts().stream().map(text -> Integer.parseInt(text.substring(1))).toList();
        assertThat(numbers).doesNotHaveDuplicates().isSorted();
        assertThat(recorder.results).allMatch(result -> result.streamId().equals(id));
        assertThat(count(RECONNECTING)).isGreaterThanOrEqualTo(2);
        assertThat(recorder.errors).isEmpty();
        assertThat(session.streamId()).isEqualTo(id);
        await().atMost(WAIT).until(() -> snapshot(emulator, id).resultsSent() == recorder.results.size());
    }

    @Test
    void retriesAFailedKeepalive() {
        session = session(client, "p", recorder).start();
        String id = session.streamId();

        emulator.faults().failNextKeepalives(2, 503);

        await().atMost(WAIT).until(() -> snapshot(emulator, id).keepalives() >= 2);
        assertThat(keepalives(id)).startsWith(503, 503, 200);
        assertThat(recorder.errors).isEmpty();
        assertThat(session.isActive()).isTrue();
    }

    @Test
    void keepaliveKeepsTryingUntilTheLeaseWouldEndThenTheStreamIsLost() {
        try (OvershootEmulator failing = OvershootEmulator.builder().port(0).leaseTtlSeconds(2).build().start()) {
            session = session(TestSupport.client(failing), "p", recorder).recreateOnStreamLoss(false).start();
            String id = session.streamId();

            failing.faults().failNextKeepalives(1000, 503);

            await().atMost(WAIT).until(() -> recorder.has(ENDED));
            assertThat(recorder.events).last().isEqualTo(StreamEvent.ended(id, StreamEvent.LEASE_EXPIRED));
            assertThat(recorder.errors).hasSize(1);
            // tried again and again within the 2 s lease; one last try may meet the ended stream (404)
            assertThat(keepalives(failing, id)).filteredOn(status -> status == 503).hasSizeGreaterThanOrEqualTo(3);
            assertThat(keepalives(failing, id)).isSubsetOf(503, 404);
            assertThat(snapshot(failing, id).endReason()).isEqualTo("lease_expired");
            assertThat(deletes(failing, id)).isZero();
            assertThat(session.isActive()).isFalse();
        }
    }

    @Test
    void aKeepaliveThatAnswersAfterTheLeaseLosesTheStream() {
        session = session(client, "p", recorder).recreateOnStreamLoss(false).start();
        String id = session.streamId();

        emulator.faults().delayNextKeepalives(1, Duration.ofSeconds(3));

        await().atMost(WAIT).until(() -> recorder.has(ENDED));
        assertThat(recorder.events).last().isEqualTo(StreamEvent.ended(id, StreamEvent.LEASE_EXPIRED));
        assertThat(recorder.errors).hasSize(1);
        assertThat(snapshot(emulator, id).endReason()).isEqualTo("lease_expired");
        assertThat(deletes(id)).isZero();
    }

    @Test
    void streamDeletedElsewhereEndsTheSessionQuietly() {
        session = session(client, "p", recorder).start();
        String id = session.streamId();
        awaitResultSocket(emulator, id);

        client.deleteStream(id);

        await().atMost(WAIT).until(() -> recorder.has(ENDED));
        assertThat(recorder.events).last().isEqualTo(StreamEvent.ended(id, StreamEvent.CLIENT_REQUESTED));
        assertThat(recorder.errors).isEmpty();
        assertThat(deletes(id)).isEqualTo(1);
    }

    @Test
    void endedSourceEndsTheSessionWithoutAnError() {
        endSource(RecordingTransport::sourceEnded);

        assertThat(recorder.errors).isEmpty();
    }

    @Test
    void failedSourceIsReportedAndEndsTheSession() {
        endSource(RecordingTransport::sourceFailed);

        assertThat(recorder.errors).singleElement().isInstanceOf(SourceEndedException.class);
        assertThat(recorder.errors.get(0)).hasMessageContaining("went away");
    }

    /** Starts a session whose transport's source then ends as {@code end} says; checks the session ended with it. */
    private void endSource(Consumer<RecordingTransport> end) {
        RecordingTransport transport = new RecordingTransport(emulator);
        session = session(client, "p", recorder).transport(transport).start();
        String id = session.streamId();

        end.accept(transport);

        await().atMost(WAIT).until(() -> recorder.has(ENDED));
        assertThat(recorder.events).last().isEqualTo(StreamEvent.ended(id, StreamEvent.SOURCE_ENDED));
        assertThat(deletes(id)).isEqualTo(1);
    }

    @Test
    void reinfersAPushedResultOnceItsClipIsStored() {
        session = session(client, "p", recorder).start();
        String id = session.streamId();
        awaitResultSocket(emulator, id);
        enqueue(emulator, "r", 1);
        feeder = FrameFeeder.feed(emulator, () -> id);
        await().atMost(WAIT).until(() -> recorder.results.size() == 1);
        feeder.close();
        // The stream may still run an inference on its last frames; it takes at most one of these answers.
        emulator.scripted().enqueue("blue").enqueue("blue").enqueue("blue");

        ReinferResult answer = session.reinfer(recorder.results.get(0).id(), "Which colour?");

        assertThat(answer.content()).isEqualTo("blue");
        assertThat(answer.model()).isEqualTo(TestSupport.MODEL);
        assertThat(emulator.requests()).filteredOn(request -> request.path().equals("/chat/completions/clip"))
                .extracting(RecordedRequest::status).endsWith(200);
    }

    @Test
    void failedStartCleansUpAndThrows() {
        Set<String> threadsBefore = overshootThreads();
        StreamRequest invalid = StreamRequest.of(Processing.frame(0.01), Inference.of("p", TestSupport.MODEL));

        ValidationException error = catchThrowableOfType(ValidationException.class,
                () -> StreamSession.builder(client, invalid).listener(recorder).start());

        assertThat(error.fieldErrors()).containsKey("processing.interval_seconds");
        await().atMost(WAIT).until(() -> recorder.has(ENDED));
        assertThat(recorder.events).containsExactly(StreamEvent.ended(null, StreamEvent.ERROR));
        assertThat(recorder.errors).containsExactly(error);
        await().atMost(WAIT).until(() -> overshootThreads().equals(threadsBefore));
    }

    @Test
    void withoutRecreationATransportThatCannotConnectFailsTheStartAndTheStreamIsDeleted() {
        Transport broken = new Transport() {
            @Override
            public CompletableFuture<Source> prepare() {
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public CompletableFuture<Void> connect(StreamCreated created, Consumer<OvershootException> failures) {
                throw new IllegalStateException("no camera");
            }

            @Override
            public CompletableFuture<Void> disconnect() {
                return CompletableFuture.completedFuture(null);
            }
        };

        OvershootException error = catchThrowableOfType(OvershootException.class,
                () -> session(client, "p", recorder).transport(broken).recreateOnStreamLoss(false).start());

        assertThat(error).hasMessageContaining("no camera");
        // start() fails on the session's own thread, possibly before the listener received CREATED
        await().atMost(WAIT).until(() -> recorder.has(ENDED));
        String id = recorder.first(CREATED).streamId();
        assertThat(recorder.events).last().isEqualTo(StreamEvent.ended(id, StreamEvent.ERROR));
        assertThat(deletes(id)).isEqualTo(1);
        assertThat(recorder.errors).singleElement().satisfies(reported -> assertThat(reported).isSameAs(error));
    }

    @Test
    void aFailingListenerDoesNotStopDelivery() {
        StreamListener failing = new StreamListener() {
            @Override
            public void onResult(InferenceResult result) {
                recorder.onResult(result);
                throw new IllegalStateException("listener bug");
            }
        };
        session = StreamSession.builder(client, TestSupport.frameRequest("p")).listener(failing).start();
        String id = session.streamId();
        awaitResultSocket(emulator, id);
        enqueue(emulator, "r", 3);
        feeder = FrameFeeder.feed(emulator, () -> id);

        await().atMost(WAIT).until(() -> recorder.results.size() == 3);
    }

    @Test
    void aListenerCanCloseTheSession() {
        AtomicReference<StreamSession> self = new AtomicReference<>();
        StreamListener closing = new StreamListener() {
            @Override
            public void onResult(InferenceResult result) {
                recorder.onResult(result);
                self.get().close();
            }

            @Override
            public void onEvent(StreamEvent event) {
                recorder.onEvent(event);
            }
        };
        session = StreamSession.builder(client, TestSupport.frameRequest("p")).listener(closing).start();
        self.set(session);
        String id = session.streamId();
        awaitResultSocket(emulator, id);
        enqueue(emulator, "r", 1);
        feeder = FrameFeeder.feed(emulator, () -> id);

        await().atMost(WAIT).until(() -> recorder.has(ENDED));

        assertThat(recorder.texts()).containsExactly("r1");
        assertThat(deletes(id)).isEqualTo(1);
    }

    private long count(StreamEvent.Type type) {
        return recorder.events.stream().filter(event -> event.type() == type).count();
    }

    private List<Integer> keepalives(String id) {
        return keepalives(emulator, id);
    }

    private static List<Integer> keepalives(OvershootEmulator emulator, String id) {
        return emulator.requests().stream().filter(request -> request.path().equals("/streams/" + id + "/keepalive"))
                .map(RecordedRequest::status).toList();
    }

    private long deletes(String id) {
        return deletes(emulator, id);
    }

    private static long deletes(OvershootEmulator emulator, String id) {
        return emulator.requests().stream()
                .filter(request -> request.method().equals("DELETE") && request.path().equals("/streams/" + id))
                .count();
    }

    static Set<String> overshootThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.startsWith(Threads.PREFIX)).collect(Collectors.toSet());
    }
}
