package dev.camelovershoot.client.v1;

import static dev.camelovershoot.client.v1.V1Support.FAST;
import static dev.camelovershoot.client.v1.V1Support.MODEL;
import static dev.camelovershoot.client.v1.V1Support.client;
import static dev.camelovershoot.client.v1.V1Support.show;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.camelovershoot.client.ApiException;
import dev.camelovershoot.client.RateLimitException;
import dev.camelovershoot.client.ServerException;
import dev.camelovershoot.testinfra.OvershootEmulator;
import dev.camelovershoot.testinfra.OvershootEmulatorExtension;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The watch loop against the emulator: order, skipped ticks, what stops it, what it retries, a lost stream. */
class WatchTest {

    @org.junit.jupiter.api.extension.RegisterExtension
    static final OvershootEmulatorExtension EMULATOR = OvershootEmulatorExtension.create(b -> { });
    private static final Duration WAIT = Duration.ofSeconds(8);

    private final OvershootEmulator emulator = EMULATOR.emulator();
    private final V1Client client = client(emulator);
    private final Answers answers = new Answers();
    private Watch watch;
    private V1Session session;
    private ScheduledExecutorService camera;

    @AfterEach
    void stop() {
        if (watch != null) {
            watch.close();
        }
        if (camera != null) {
            camera.shutdownNow();
        }
        if (session != null) {
            session.close();
        }
    }

    @Test
    void answersInOrderEachWithTheFrameItWasAbout() {
        String id = client.createStream().id();
        show(emulator, id, "red");
        watch = watch(WatchedStream.of(id), Duration.ofMillis(100)).start();

        await().atMost(WAIT).until(() -> answers.answers.size() >= 3);
        show(emulator, id, "blue");
        await().atMost(WAIT).until(() -> answers.last().content().contains("blue"));

        assertThat(answers.answers.get(0).content()).contains("\"color\":\"red\"");
        assertThat(answers.answers).extracting(WatchAnswer::tick).isSorted().doesNotHaveDuplicates();
        assertThat(answers.answers).allSatisfy(answer -> {
            assertThat(answer.reference()).isEqualTo(OvsReference.newestFrame(id));
            assertThat(answer.latency()).isPositive();
            assertThat(answer.completion().usage().totalTokens()).isPositive();
        });
        assertThat(answers.threads).allSatisfy(name -> assertThat(name).startsWith("test-watch-"));
        assertThat(watch.timeout()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void asksAboutTheLastSecondsAsAWindow() {
        String id = client.createStream().id();
        show(emulator, id, "green");
        watch = watch(WatchedStream.of(id), Duration.ofMillis(100)).last(Duration.ofSeconds(5), 2).start();

        await().atMost(WAIT).until(() -> !answers.answers.isEmpty());

        assertThat(answers.answers.get(0).reference().uri())
                .isEqualTo("ovs://streams/" + id + "?start_offset_ms=-5000&max_fps=2");
        assertThat(answers.answers.get(0).content()).contains("\"colors\":[\"green\"]");
    }

    @Test
    void aSlowAnswerSkipsTicksInsteadOfOverlapping() {
        String id = client.createStream().id();
        show(emulator, id, "red");
        emulator.v1().delayNextChats(1, Duration.ofMillis(700));
        watch = watch(WatchedStream.of(id), Duration.ofMillis(100)).start();

        await().atMost(WAIT).until(() -> answers.answers.size() >= 2);

        assertThat(watch.skipped()).isGreaterThanOrEqualTo(4);
        assertThat(answers.answers.get(1).tick() - answers.answers.get(0).tick()).isGreaterThanOrEqualTo(5);
        assertThat(answers.answers.get(0).latency()).isGreaterThanOrEqualTo(Duration.ofMillis(700));
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 422})
    void statusesThatRetryingCannotFixStopIt(int status) throws Exception {
        String id = client.createStream().id();
        show(emulator, id, "red");
        emulator.v1().failNextChats(1, status);
        watch = watch(WatchedStream.of(id), Duration.ofMillis(50)).start();

        Object cause = answers.stopped.get(5, TimeUnit.SECONDS);

        assertThat(cause).isInstanceOf(ApiException.class);
        assertThat(((ApiException) cause).status()).isEqualTo(status);
        assertThat(watch.isRunning()).isFalse();
        assertThat(answers.answers).isEmpty();
    }

    @Test
    void serverErrorsAreRetriedAfterABackoff() {
        String id = client.createStream().id();
        show(emulator, id, "red");
        emulator.v1().failNextChats(3, 500);
        watch = watch(WatchedStream.of(id), Duration.ofMillis(20)).start();

        await().atMost(WAIT).until(() -> !answers.answers.isEmpty());

        assertThat(answers.errors).hasSize(3).allSatisfy(e -> assertThat(e).isInstanceOf(ServerException.class));
        assertThat(watch.deferred()).isPositive();
        assertThat(watch.failed()).isEqualTo(3);
        assertThat(answers.answers.get(0).content()).contains("red");
    }

    @Test
    void aRateLimitWaitsAsLongAsTheServiceAsked() {
        String id = client.createStream().id();
        show(emulator, id, "red");
        emulator.v1().failNextChats(1, 429);
        long started = System.nanoTime();
        watch = watch(WatchedStream.of(id), Duration.ofMillis(50)).start();

        await().atMost(WAIT).until(() -> !answers.answers.isEmpty());

        assertThat(answers.errors).singleElement().isInstanceOf(RateLimitException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aLostStreamIsReplacedBeforeTheNextQuestion() {
        session = V1Session.builder(client).reconnectPolicy(FAST).keepaliveEvery(Duration.ofSeconds(30)).start();
        String lost = session.streamId();
        camera = Executors.newSingleThreadScheduledExecutor();
        camera.scheduleAtFixedRate(() -> {
            try {
                show(emulator, session.streamId(), "green");
            } catch (IllegalArgumentException ended) {
                // between the reaping and the replacement there is no stream to show frames to
            }
        }, 0, 50, TimeUnit.MILLISECONDS);
        watch = watch(session, Duration.ofMillis(100)).start();
        await().atMost(WAIT).until(() -> !answers.answers.isEmpty());

        emulator.v1().reap(lost);
        await().atMost(WAIT).until(() -> !answers.last().reference().streamId().equals(lost));

        assertThat(session.streamId()).isNotEqualTo(lost);
        assertThat(answers.last().reference()).isEqualTo(OvsReference.newestFrame(session.streamId()));
        assertThat(answers.last().content()).contains("green");
        assertThat(watch.isRunning()).isTrue();
    }

    private Watch.Builder watch(WatchedStream stream, Duration every) {
        return Watch.builder(client, stream, MODEL, "What colour is it?").every(every).backoff(FAST)
                .listener(answers).threadFactory(V1SessionTest.named("test-watch-"));
    }
}
