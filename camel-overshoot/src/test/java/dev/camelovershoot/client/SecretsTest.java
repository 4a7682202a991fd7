package dev.camelovershoot.client;

import static dev.camelovershoot.client.StreamEvent.Type.CONNECTED;
import static dev.camelovershoot.client.StreamEvent.Type.RECOVERED;
import static dev.camelovershoot.client.StreamEvent.Type.RECREATED;
import static dev.camelovershoot.client.TestSupport.awaitResultSocket;
import static dev.camelovershoot.client.TestSupport.client;
import static dev.camelovershoot.client.TestSupport.enqueue;
import static dev.camelovershoot.client.TestSupport.session;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import dev.camelovershoot.client.wire.StreamCreated;
import dev.camelovershoot.testinfra.OvershootEmulator;
import dev.camelovershoot.testinfra.OvershootEmulatorExtension;
import dev.camelovershoot.testinfra.inference.ScriptedBackend;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/** The API key and LiveKit tokens never appear in a log line or an exception message. */
class SecretsTest {

    private static final String KEY = "ovs_live_SECRET_7f3a9c2e11";
    private static final String WRONG_KEY = "ovs_wrong_SECRET_b4d5e6";
    private static final Duration WAIT = Duration.ofSeconds(15);

    @RegisterExtension
    static final OvershootEmulatorExtension EMULATOR = OvershootEmulatorExtension.create(b -> b
            .apiKeys(KEY).leaseTtlSeconds(2).backend(new ScriptedBackend()));

    private final OvershootEmulator emulator = EMULATOR.emulator();
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Logger clientLogger = (Logger) LoggerFactory.getLogger("dev.camelovershoot.client");
    private Level clientLevel;

    @BeforeEach
    void captureLogs() {
        clientLevel = clientLogger.getLevel();
        clientLogger.setLevel(Level.TRACE);
        logs.start();
        root.addAppender(logs);
    }

    @AfterEach
    void restoreLogs() {
        root.detachAppender(logs);
        clientLogger.setLevel(clientLevel);
    }

    @Test
    void secretsStayOutOfLogsAndExceptionsThroughAFullSession() {
        OvershootClient client = client(emulator);
        Recorder recorder = new Recorder();
        RecordingTransport transport = new RecordingTransport(emulator);
        List<Throwable> thrown = new ArrayList<>();

        StreamSession session = session(client, "p", recorder).transport(transport).recreateOnStreamLoss(true)
                .start();
        String first = session.streamId();
        try (FrameFeeder feeder = FrameFeeder.feed(emulator, session::streamId)) {
            awaitResultSocket(emulator, first);
            enqueue(emulator, "r", 2);
            await().atMost(WAIT).until(() -> recorder.results.size() >= 2);

            emulator.faults().failNextKeepalives(1, 503);
            emulator.faults().dropResultSockets(first);
            await().atMost(WAIT).until(() -> recorder.has(RECOVERED));

            emulator.faults().restartLosingState();
            await().atMost(WAIT).until(() -> recorder.has(RECREATED) && recorder.events.stream()
                    .filter(event -> event.type() == CONNECTED).count() == 2);
            await().atMost(WAIT).until(() -> transport.tokens.size() >= 2);
        }
        thrown.add(catchThrowable(() -> client(emulator, WRONG_KEY).listModels()));
        thrown.add(catchThrowable(() -> client(emulator, WRONG_KEY).createStream(TestSupport.frameRequest("p"))));
        ResultsChannel rejected = client(emulator, WRONG_KEY).openResults(session.streamId(),
                TestSupport.FAST_RECONNECT, recorder);
        await().atMost(WAIT).until(() -> !rejected.isActive());
        session.close();
        thrown.add(catchThrowable(() -> session.updatePrompt("late")));

        List<String> secrets = secrets(transport);
        assertThat(secrets).hasSizeGreaterThanOrEqualTo(5);
        assertThat(thrown).doesNotContainNull();
        assertThat(recorder.errors).isNotEmpty();
        List<String> texts = Stream.concat(logLines(), Stream.concat(thrown.stream(), recorder.errors.stream())
                .flatMap(SecretsTest::messages)).toList();
        assertThat(logs.list).as("captured log events").hasSizeGreaterThan(20);
        for (String secret : secrets) {
            assertThat(texts).as("texts containing a secret").noneMatch(text -> text.contains(secret));
        }
    }

    private List<String> secrets(RecordingTransport transport) {
        List<String> secrets = new ArrayList<>(List.of(KEY, WRONG_KEY));
        transport.connected.stream().map(StreamCreated::livekit).forEach(room -> secrets.add(room.token()));
        secrets.addAll(transport.tokens);
        return secrets;
    }

    private Stream<String> logLines() {
        return logs.list.stream().flatMap(event -> Stream.concat(Stream.of(event.getFormattedMessage()),
                throwableMessages(event.getThrowableProxy())));
    }

    private static Stream<String> throwableMessages(IThrowableProxy proxy) {
        if (proxy == null) {
            return Stream.empty();
        }
        return Stream.concat(Stream.of(proxy.getClassName() + ": " + proxy.getMessage()),
                throwableMessages(proxy.getCause()));
    }

    private static Stream<String> messages(Throwable error) {
        return error == null ? Stream.empty()
                : Stream.concat(Stream.of(String.valueOf(error)), messages(error.getCause()));
    }
}
