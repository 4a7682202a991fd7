package dev.camelovershoot.testinfra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.camelovershoot.testinfra.frames.TestImages;
import dev.camelovershoot.testinfra.inference.ScriptedBackend;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FaultsTest {

    @RegisterExtension
    static final OvershootEmulatorExtension EMULATOR = OvershootEmulatorExtension.create(b -> b
            .backend(new ScriptedBackend()).leaseTtlSeconds(2).streamLimitPerKey(100));

    private final OvershootEmulator emulator = EMULATOR.emulator();
    private final Faults faults = emulator.faults();
    private final Api api = new Api(emulator);

    @AfterEach
    void endStreams() {
        Api.endAll(emulator);
    }

    @Test
    void droppedResultSocketsBreakWithoutACloseFrame() {
        String id = api.createStream(Api.frameStream(1));
        ResultsClient socket = ResultsClient.attach(emulator, id);

        faults.dropResultSockets(id);

        assertThat(socket.awaitClose()).isEqualTo(ResultsClient.Closed.ABNORMAL);
        assertThat(emulator.stream(id).orElseThrow().resultSockets()).isZero();
        assertThat(api.keepalive(id).status()).isEqualTo(200);
    }

    @Test
    void failedKeepalivesAnswerTheChosenStatusAndDoNotRenewTheLease() {
        String id = api.createStream(Api.frameStream(1));
        faults.failNextKeepalives(2, 503);

        Api.Reply first = api.keepalive(id);
        Api.Reply second = api.keepalive(id);

        for (Api.Reply reply : new Api.Reply[] {first, second}) {
            assertThat(reply.status()).isEqualTo(503);
            assertThat(reply.body().fieldNames()).toIterable()
                    .containsExactlyInAnyOrder("error", "request_id", "details");
            assertThat(reply.get("error").asText()).isEqualTo("service_unavailable");
        }
        assertThat(emulator.stream(id).orElseThrow().keepalives()).isZero();
        await().atMost(Duration.ofSeconds(4)).until(() -> emulator.stream(id).orElseThrow().ended());
        assertThat(emulator.stream(id).orElseThrow().endReason()).isEqualTo("lease_expired");
    }

    @Test
    void malformedRestAnswersCarryTheTextVerbatimAndTheCallStillTakesEffect() {
        String id = api.createStream(Api.frameStream(1));
        faults.malformNextRestResponses(1, "{\"ttl_seconds\": tru");

        Api.Reply malformed = api.keepalive(id);
        Api.Reply normal = api.keepalive(id);

        assertThat(malformed.status()).isEqualTo(200);
        assertThat(malformed.rawBody()).isEqualTo("{\"ttl_seconds\": tru");
        assertThat(emulator.stream(id).orElseThrow().keepalives()).isEqualTo(2);
        assertThat(normal.get("ttl_seconds").asInt()).isEqualTo(2);
    }

    @Test
    void anInjected402LapsesTheLeaseAsInsufficientCredits() {
        String id = api.createStream(Api.frameStream(1));
        faults.failNextKeepalives(1, 402);

        assertThat(api.keepalive(id).get("error").asText()).isEqualTo("insufficient_credits");

        await().atMost(Duration.ofSeconds(4)).until(() -> emulator.stream(id).orElseThrow().ended());
        assertThat(emulator.stream(id).orElseThrow().endReason()).isEqualTo("insufficient_credits");
    }

    @Test
    void delayedKeepalivesAnswerNormallyAfterTheDelay() {
        String id = api.createStream(Api.frameStream(1));
        faults.delayNextKeepalives(1, Duration.ofMillis(600));

        long start = System.nanoTime();
        Api.Reply delayed = api.keepalive(id);
        long delayedMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(delayed.status()).isEqualTo(200);
        assertThat(delayedMillis).isGreaterThanOrEqualTo(600);
        assertThat(api.keepalive(id).status()).isEqualTo(200);
        assertThat(emulator.stream(id).orElseThrow().keepalives()).isEqualTo(2);
    }

    @Test
    void endStreamClosesSocketsWithTheReasonAndForgetsTheStream() {
        String id = api.createStream(Api.frameStream(1));
        ResultsClient socket = ResultsClient.attach(emulator, id);

        faults.endStream(id, "livekit_disconnected");

        assertThat(socket.awaitClose()).isEqualTo(new ResultsClient.Closed(1001, "stream ended: livekit_disconnected"));
        assertThat(api.keepalive(id).status()).isEqualTo(404);
        assertThat(emulator.stream(id).orElseThrow().endReason()).isEqualTo("livekit_disconnected");
    }

    @Test
    void restartKeepsStreamsAndPausesInferenceUntilTheNextKeepalive() {
        String id = api.createStream(Api.frameStream(0.1));
        ResultsClient before = ResultsClient.attach(emulator, id);
        int port = emulator.port();
        ScheduledExecutorService camera = Executors.newSingleThreadScheduledExecutor();
        camera.scheduleAtFixedRate(() -> emulator.injectFrame(id, TestImages.solid(32, 32, "blue")), 0, 50,
                TimeUnit.MILLISECONDS);
        try {
            faults.restart();

            assertThat(before.awaitClose()).isEqualTo(ResultsClient.Closed.ABNORMAL);
            assertThat(emulator.port()).isEqualTo(port);
            ResultsClient after = ResultsClient.attach(emulator, id);
            emulator.scripted().enqueue("after the deploy");
            await().during(Duration.ofMillis(400)).atMost(Duration.ofSeconds(2))
                    .until(() -> emulator.scripted().pending() == 1);

            assertThat(new Api(emulator).keepalive(id).status()).isEqualTo(200);

            assertThat(after.nextResult().get("result").asText()).isEqualTo("after the deploy");
        } finally {
            camera.shutdownNow();
        }
    }

    @Test
    void restartLosingStateForgetsEveryStream() {
        String id = api.createStream(Api.frameStream(1));
        ResultsClient before = ResultsClient.attach(emulator, id);

        faults.restartLosingState();

        assertThat(before.awaitClose()).isEqualTo(ResultsClient.Closed.ABNORMAL);
        Api fresh = new Api(emulator);
        assertThat(fresh.keepalive(id).status()).isEqualTo(404);
        assertThat(emulator.stream(id).orElseThrow().endReason()).isEqualTo("server_restart");
        ResultsClient.Closed closed = ResultsClient.connect(emulator, id)
                .send("{\"api_key\":\"" + emulator.apiKey() + "\"}").awaitClose();
        assertThat(closed).isEqualTo(new ResultsClient.Closed(1008, "stream not found"));
        assertThat(fresh.get("/healthz").status()).isEqualTo(200);
    }
}
