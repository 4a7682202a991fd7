package dev.camelovershoot.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.camelovershoot.testinfra.frames.TestImages;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.Set;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.assertj.core.api.SoftAssertions;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bad input from both sides while a route publishes and consumes: thousands of bad bodies and headers into the
 * producer, and malformed messages from the server on every channel (REST JSON, results socket, LiveKit signal, SDP
 * answer). Each fails only what it concerns with a message that says what was wrong, and nothing hangs or crashes;
 * bad frames and skippable messages do not even interrupt the stream.
 */
class FuzzTest {

    private static final int PRODUCER_CASES = 2000;
    private static final long SEED = 13;
    /** JDK exception types that mean a bug in our code, not a clear refusal of bad input. */
    private static final Set<Class<?>> PROGRAMMING_ERRORS = Set.of(NullPointerException.class,
            ClassCastException.class, ArrayIndexOutOfBoundsException.class, IndexOutOfBoundsException.class,
            NegativeArraySizeException.class, ArithmeticException.class, OutOfMemoryError.class,
            StackOverflowError.class);
    private static final Duration RESUME = Duration.ofSeconds(45);
    /** How long an unusable answer may take to heal by itself before the routes are restarted to go on. */
    private static final Duration HEAL = Duration.ofSeconds(20);
    private static final Pattern SKIPPED_RESULT = Pattern.compile("(?i)malformed result");
    private static final Pattern SKIPPED_SIGNAL = Pattern.compile("(?i)malformed LiveKit signal");
    private static final Pattern UNREADABLE_KEEPALIVE = Pattern.compile("(?i)(unreadable|malformed|invalid).*keepalive"
            + "|keepalive.*(unreadable|malformed|invalid)");
    private static final Pattern UNREADABLE_CREATE = Pattern.compile("(?i)(unreadable|malformed|invalid).*POST /streams"
            + "|creat.*(unreadable|malformed|invalid)");
    private static final Pattern UNUSABLE_SDP = Pattern.compile("(?i)session description|SDP");

    private static final Profile PROFILE = Profile.current();
    private static Rig rig;
    private static LogCapture logs;

    @BeforeAll
    static void startRoute() throws Exception {
        logs = new LogCapture();
        rig = Rig.start(PROFILE, Profile.outputDir(), 320, 240, 10);
        assertThat(rig.awaitResultSince(0, Duration.ofSeconds(60))).as("first result").isPositive();
    }

    @AfterAll
    static void stopRoute() throws Exception {
        rig.close();
        logs.close();
    }

    @Test
    void eachBadBodyOrHeaderFailsOnlyItsOwnExchangeAndTheStreamKeepsPublishing() throws Exception {
        ProducerFuzz fuzz = new ProducerFuzz(SEED, RouteUnderTest.jpeg(320, 240), png());
        ProducerTemplate template = rig.route().template();
        List<String> unclear = new ArrayList<>();
        int failed = 0;
        for (int i = 0; i < PRODUCER_CASES; i++) {
            ProducerFuzz.Input input = fuzz.next();
            Exchange exchange = template.request("direct:frames", e -> {
                e.getMessage().setHeaders(new HashMap<>(input.headers()));
                e.getMessage().setBody(input.body());
            });
            Throwable error = exchange.getException();
            if (error != null) {
                failed++;
                if (error.getMessage() == null || error.getMessage().isBlank()
                        || PROGRAMMING_ERRORS.contains(error.getClass())) {
                    unclear.add("case " + i + " (" + input.kind() + ", headers " + input.headers() + "): " + error);
                }
            }
        }
        assertThat(unclear).as("exchanges that failed without a clear message (of " + failed + " failed)")
                .isEmpty();
        assertThat(failed).as("bad inputs refused").isGreaterThan(PRODUCER_CASES / 2);
        long frames = rig.emulator().framesStored();
        await().dontCatchUncaughtExceptions().atMost(RESUME).until(() -> rig.emulator().framesStored() > frames + 20);
        assertThat(rig.awaitResultSince(System.nanoTime(), RESUME)).as("results after the fuzz").isPositive();
    }

    @Test
    void malformedMessagesTheClientCanSkipAreLoggedAndSkipped() throws Exception {
        SoftAssertions softly = new SoftAssertions();
        for (String text : List.of("", "{", "null", "[]", "42", "{\"id\": 5, \"result\": []}",
                "{\"id\":\"r\",\"stream_id\":null,\"ok\":\"yes\"}", "x".repeat(1 << 20), "\u0000\uFFFF")) {
            long since = System.currentTimeMillis();
            rig.emulator().control("/raw-result?stream=" + rig.currentStream(), text.getBytes(StandardCharsets.UTF_8));
            softly.assertThat(logged(since, SKIPPED_RESULT)).as("a log line about results message " + abbreviate(text))
                    .isTrue();
            softly.assertThat(rig.awaitResultSince(System.nanoTime(), RESUME)).as("results after " + abbreviate(text))
                    .isPositive();
        }
        for (byte[] bytes : List.of(new byte[] {(byte) 0xff, 0x01, 0x02},
                "not protobuf at all".getBytes(StandardCharsets.UTF_8), randomBytes(4096))) {
            long since = System.currentTimeMillis();
            long frames = rig.emulator().framesStored();
            rig.emulator().control("/raw-signal?stream=" + rig.currentStream(), bytes);
            softly.assertThat(logged(since, SKIPPED_SIGNAL)).as("a log line about a " + bytes.length
                    + "-byte signal message").isTrue();
            softly.assertThat(framesArrive(frames)).as("frames after a " + bytes.length + "-byte signal message")
                    .isTrue();
            softly.assertThat(rig.awaitResultSince(System.nanoTime(), RESUME)).as("results after a " + bytes.length
                    + "-byte signal message").isPositive();
        }
        softly.assertAll();
    }

    /**
     * An answer the client cannot use (REST JSON, SDP) fails that call with an error that names it, and nothing hangs
     * or crashes. Whether the route then heals by itself is the chaos test's promise; here the routes are restarted
     * when it does not, so that every channel gets its turn.
     */
    @Test
    void unusableAnswersGiveAClearErrorAndNothingHangsOrCrashes() throws Exception {
        SoftAssertions softly = new SoftAssertions();
        for (String body : List.of("<html>502 Bad Gateway</html>", "{\"status\":\"ok\",\"ttl_seconds\":\"soon\"}")) {
            long since = System.currentTimeMillis();
            rig.emulator().control("/malform-rest?count=1", body.getBytes(StandardCharsets.UTF_8));
            // The next REST call is a keepalive, within half a lease.
            long back = System.nanoTime() + Duration.ofMillis(PROFILE.leaseTtlSeconds() * 500L + 1000).toNanos();
            checkAnswer(softly, "keepalive answer " + body, back, since, UNREADABLE_KEEPALIVE);
        }
        long since = System.currentTimeMillis();
        // The routes start again and their first call, creating the stream, gets a truncated answer.
        rig.route().restartRoutes(() -> rig.emulator().control("/malform-rest?count=1",
                "{\"stream_id\": 12".getBytes(StandardCharsets.UTF_8)));
        checkAnswer(softly, "stream creation answer", System.nanoTime(), since, UNREADABLE_CREATE);

        since = System.currentTimeMillis();
        rig.emulator().control("/malform-sdp?count=1");
        rig.emulator().control("/rejoin?stream=" + rig.currentStream());
        checkAnswer(softly, "SDP answer", System.nanoTime(), since, UNUSABLE_SDP);
        softly.assertAll();
    }

    private void checkAnswer(SoftAssertions softly, String what, long back, long sinceMillis, Pattern error) {
        softly.assertThat(logged(sinceMillis, error)).as("a log line naming the malformed " + what + "; logged: "
                + logs.since(sinceMillis)).isTrue();
        softly.assertThat(routesRespond()).as("the routes are started and take a frame after the " + what).isTrue();
        softly.assertThat(Rig.crashedThreads()).as("threads that died of an uncaught exception after the " + what)
                .isEmpty();
        if (rig.awaitResultSince(back, HEAL) < 0) {
            try {
                rig.route().restartRoutes();
            } catch (Exception e) {
                throw new IllegalStateException("could not restart the routes after the " + what, e);
            }
            softly.assertThat(rig.awaitResultSince(System.nanoTime(), RESUME)).as("results after restarting the"
                    + " routes following the " + what).isPositive();
        }
    }

    private boolean logged(long sinceMillis, Pattern pattern) {
        try {
            await().dontCatchUncaughtExceptions().atMost(RESUME).until(() -> logs.loggedSince(sinceMillis, pattern));
            return true;
        } catch (ConditionTimeoutException e) {
            return false;
        }
    }

    /** Nothing crashed or hangs: every route is started and a frame sent now completes within seconds. */
    private boolean routesRespond() {
        ProducerTemplate template = rig.route().template();
        boolean started = rig.route().context().getRoutes().stream()
                .allMatch(r -> rig.route().context().getRouteController().getRouteStatus(r.getId()).isStarted());
        try {
            CompletableFuture.supplyAsync(() -> template.request("direct:frames",
                    e -> e.getMessage().setBody(RouteUnderTest.jpeg(320, 240)))).get(10, TimeUnit.SECONDS);
            return started;
        } catch (Exception e) {
            return false;
        }
    }

    private boolean framesArrive(long before) {
        try {
            await().dontCatchUncaughtExceptions().atMost(RESUME).until(() -> rig.emulator().framesStored() > before + 20);
            return true;
        } catch (ConditionTimeoutException e) {
            return false;
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "... (" + text.length() + " chars)" : text;
    }

    private static byte[] randomBytes(int n) {
        byte[] out = new byte[n];
        new Random(SEED).nextBytes(out);
        return out;
    }

    private static byte[] png() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(TestImages.solid(320, 240, "blue"), "png", out);
        return out.toByteArray();
    }
}
