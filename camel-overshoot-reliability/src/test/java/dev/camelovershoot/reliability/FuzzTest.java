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
 * answer). Each fails only what it concerns with a message that says what was wrong; the stream keeps publishing
 * and results keep coming.
 */
class FuzzTest {

    private static final int PRODUCER_CASES = 3000;
    private static final long SEED = 13;
    /** JDK exception types that mean a bug in our code, not a clear refusal of bad input. */
    private static final Set<Class<?>> PROGRAMMING_ERRORS = Set.of(NullPointerException.class,
            ClassCastException.class, ArrayIndexOutOfBoundsException.class, IndexOutOfBoundsException.class,
            NegativeArraySizeException.class, ArithmeticException.class, OutOfMemoryError.class,
            StackOverflowError.class);
    private static final Duration RESUME = Duration.ofSeconds(45);

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
        await().atMost(RESUME).until(() -> rig.emulator().framesStored() > frames + 20);
        assertThat(rig.awaitResultSince(System.nanoTime(), RESUME)).as("results after the fuzz").isPositive();
    }

    @Test
    void malformedServerMessagesOnEveryChannelAreLoggedAndSurvived() throws Exception {
        SoftAssertions softly = new SoftAssertions();
        for (String text : List.of("", "{", "null", "[]", "42", "{\"id\": 5, \"result\": []}",
                "{\"id\":\"r\",\"stream_id\":null,\"ok\":\"yes\"}", "x".repeat(1 << 20), "\u0000\uFFFF")) {
            long since = System.currentTimeMillis();
            rig.emulator().control("/raw-result?stream=" + rig.currentStream(), text.getBytes(StandardCharsets.UTF_8));
            resumes(softly, "results socket: " + abbreviate(text), System.nanoTime(), since,
                    Pattern.compile("(?i)malformed|unexpected|skipp"));
        }
        for (byte[] bytes : List.of(new byte[] {(byte) 0xff, 0x01, 0x02},
                "not protobuf at all".getBytes(StandardCharsets.UTF_8), randomBytes(4096))) {
            long since = System.currentTimeMillis();
            rig.emulator().control("/raw-signal?stream=" + rig.currentStream(), bytes);
            resumes(softly, "LiveKit signal: " + bytes.length + " bytes", System.nanoTime(), since,
                    Pattern.compile("(?i)signal"));
        }
        for (String body : List.of("{\"status\": \"ok\", \"ttl_seconds\": tru", "<html>502 Bad Gateway</html>",
                "{\"status\":\"ok\",\"ttl_seconds\":\"soon\"}")) {
            long since = System.currentTimeMillis();
            rig.emulator().control("/malform-rest?count=1", body.getBytes(StandardCharsets.UTF_8));
            // The next REST call is the keepalive, within half a lease.
            long back = System.nanoTime() + Duration.ofSeconds(PROFILE.leaseTtlSeconds()).toNanos();
            resumes(softly, "REST keepalive answer: " + body, back, since, Pattern.compile("(?i)keepalive|lease"));
        }
        long since = System.currentTimeMillis();
        rig.emulator().control("/malform-rest?count=1", "{\"stream_id\": 12".getBytes(StandardCharsets.UTF_8));
        resumes(softly, "REST create answer", rig.loseStream(), since, Pattern.compile("(?i)creat|stream"));

        since = System.currentTimeMillis();
        rig.emulator().control("/malform-sdp?count=1");
        rig.emulator().control("/rejoin?stream=" + rig.currentStream());
        long frames = rig.emulator().framesStored();
        resumes(softly, "SDP answer", System.nanoTime(), since, Pattern.compile("(?i)sdp|answer|description|rejoin"));
        softly.assertThat(framesArrive(frames)).as("frames reach the emulator after the malformed SDP answer")
                .isTrue();
        softly.assertAll();
    }

    /** Results come again after {@code back}, and the log says what happened since {@code sinceMillis}. */
    private void resumes(SoftAssertions softly, String what, long back, long sinceMillis, Pattern logged) {
        boolean resumed = rig.awaitResultSince(back, RESUME) > 0;
        softly.assertThat(resumed).as("results after a malformed " + what).isTrue();
        if (!resumed) {
            try {
                rig.route().restartRoutes();
                rig.awaitResultSince(System.nanoTime(), RESUME);
            } catch (Exception e) {
                throw new IllegalStateException("could not restart the routes after " + what, e);
            }
        }
        softly.assertThat(logs.loggedSince(sinceMillis, logged))
                .as("a log line about the malformed " + what + "; logged: " + logs.since(sinceMillis)).isTrue();
    }

    private boolean framesArrive(long before) {
        try {
            await().atMost(RESUME).until(() -> rig.emulator().framesStored() > before + 20);
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
