package dev.camelovershoot.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import dev.camelovershoot.client.AuthenticationException;
import dev.camelovershoot.testinfra.OvershootEmulatorExtension;
import dev.camelovershoot.testinfra.frames.TestImages;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spi.ExceptionHandler;
import org.apache.camel.util.URISupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/**
 * The API key, the LiveKit token and the TURN password never show: not in endpoint URIs as Camel prints them, not in
 * any log line at any level, not in exception messages; while frames are published into a user-managed LiveKit room
 * with that token, results arrive, and another endpoint is refused for a wrong key.
 */
class SecretsTest extends EmulatorCamelTest {

    private static final String KEY = "ovs_live_SECRET_4c1d2e";
    private static final String WRONG_KEY = "ovs_wrong_SECRET_9f8e7d";
    private static final String TURN_PASSWORD = "turn_SECRET_5a6b";

    @RegisterExtension
    static final OvershootEmulatorExtension EMULATOR = OvershootEmulatorExtension.create(b -> b.apiKeys(KEY));

    private final List<Throwable> handled = new CopyOnWriteArrayList<>();
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final String liveKitToken;
    private Level rootLevel;

    SecretsTest() {
        super(EMULATOR.emulator());
        liveKitToken = emulator.liveKitToken("camel", "secret-room", Duration.ofMinutes(5));
    }

    @BeforeEach
    void captureEverything() {
        rootLevel = root.getLevel();
        root.setLevel(Level.TRACE);
        logs.start();
        root.addAppender(logs);
        injector.start();
    }

    @AfterEach
    void restoreLogging() {
        root.detachAppender(logs);
        root.setLevel(rootLevel);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        context.getRegistry().bind("recorder", (ExceptionHandler) new RecordingExceptionHandler(handled));
        String secretUri = "overshoot:secret?intervalSeconds=0.5&apiKey=" + KEY + "&transport=livekit&livekitUrl="
                + emulator.liveKitUrl() + "&livekitToken=" + liveKitToken
                + "&iceServers=turn:turn.example.com:3478&iceUsername=camel&icePassword=" + TURN_PASSWORD;
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(secretUri).routeId("secret").to("mock:secret");
                from("direct:frames").to(secretUri);
                from("overshoot:wrong?apiKey=" + WRONG_KEY + "&exceptionHandler=#recorder").to("mock:wrong");
            }
        };
    }

    @Test
    void secretsNeverShow() throws Exception {
        MockEndpoint results = getMockEndpoint("mock:secret");
        results.expectedMinimumMessageCount(1);
        results.assertIsSatisfied(WAIT.toMillis());
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> template.request("direct:frames",
                e -> e.getMessage().setBody(TestImages.solid(160, 120, "green"))).getMessage()
                .getHeader(OvershootConstants.FRAME_PUBLISHED, Boolean.class));
        Exchange badFrame = template.request("direct:frames", e -> e.getMessage().setBody("not a frame"));
        await().atMost(WAIT).until(() -> !handled.isEmpty());
        context.stop();

        assertThat(handled).singleElement().isInstanceOf(AuthenticationException.class);
        List<String> shown = new ArrayList<>();
        for (Endpoint endpoint : context.getEndpoints()) {
            shown.add(endpoint.toString());
            shown.add(URISupport.sanitizeUri(endpoint.getEndpointUri()));
            shown.add(endpoint.getEndpointBaseUri());
        }
        Stream.concat(handled.stream(), Stream.of(badFrame.getException())).forEach(error -> messages(error, shown));
        logs.list.forEach(event -> shown.add(event.getFormattedMessage() + throwables(event.getThrowableProxy())));

        assertThat(logs.list).hasSizeGreaterThan(100);
        assertThat(shown).noneMatch(this::containsSecret);
    }

    private boolean containsSecret(String text) {
        return Stream.of(KEY, WRONG_KEY, liveKitToken, TURN_PASSWORD,
                        URLEncoder.encode(liveKitToken, StandardCharsets.UTF_8))
                .anyMatch(secret -> text != null && text.contains(secret));
    }

    private static void messages(Throwable error, List<String> shown) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            shown.add(cause.toString());
        }
    }

    private static String throwables(IThrowableProxy proxy) {
        StringBuilder text = new StringBuilder();
        for (IThrowableProxy cause = proxy; cause != null; cause = cause.getCause()) {
            text.append(' ').append(cause.getClassName()).append(": ").append(cause.getMessage());
        }
        return text.toString();
    }
}
