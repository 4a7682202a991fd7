package dev.camelovershoot.client.v1;

import static dev.camelovershoot.client.v1.V1Support.FAST;
import static dev.camelovershoot.client.v1.V1Support.MODEL;
import static dev.camelovershoot.client.v1.V1Support.client;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.camelovershoot.client.Json;
import dev.camelovershoot.testinfra.OvershootEmulator;
import dev.camelovershoot.testinfra.OvershootEmulatorExtension;
import dev.camelovershoot.transport.ColourFeed;
import dev.camelovershoot.transport.LiveKitTransport;
import dev.camelovershoot.transport.TransportSettings;
import dev.camelovershoot.transport.rtc.WebRtcRuntime;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole v1 path: a session publishes coloured frames over LiveKit (WebRTC) into its stream, the emulator
 * decodes them into the stream's buffer, and questions about the newest frame and a window name the colours.
 */
class V1PublishEndToEndTest {

    @RegisterExtension
    static final OvershootEmulatorExtension EMULATOR = OvershootEmulatorExtension.create(b -> { });
    private static final WebRtcRuntime RUNTIME = new WebRtcRuntime();

    private final OvershootEmulator emulator = EMULATOR.emulator();
    private final V1Client client = client(emulator);

    @AfterAll
    static void release() {
        RUNTIME.close();
    }

    @Test
    void framesPublishedOverLiveKitAreAnsweredAbout() throws Exception {
        try (LiveKitTransport transport = LiveKitTransport.serviceRoom(RUNTIME, HttpClient.newHttpClient(),
                TransportSettings.defaults(15));
             V1Session session = V1Session.builder(client).publisher(transport).reconnectPolicy(FAST).start();
             ColourFeed feed = new ColourFeed(transport, "red")) {
            String id = session.streamId();

            await().atMost(Duration.ofSeconds(20)).until(() -> colourOf(id).equals("red"));
            feed.show("blue");
            await().atMost(Duration.ofSeconds(10)).until(() -> colourOf(id).equals("blue"));
            ChatCompletion window = client.chat(ChatRequest.builder(MODEL)
                    .ask("What did the camera show?", OvsReference.last(id, Duration.ofSeconds(30), 10)).build());

            assertThat(Json.tree(window.content()).path("colors")).extracting(node -> node.asText())
                    .containsSubsequence("red", "blue");
            StreamInfo info = session.infoAsync().join();
            assertThat(info.lastFrameIndex()).isPositive();
            assertThat(info.recentFps()).isPositive();
            assertThat(feed.published()).isPositive();
        }
    }

    /** The colour of the newest frame, as the emulator's describe backend answers; empty while there is none. */
    private String colourOf(String id) {
        AtomicReference<String> colour = new AtomicReference<>("");
        try {
            ChatCompletion answer = client.chat(ChatRequest.builder(MODEL)
                    .ask("What colour is it?", OvsReference.newestFrame(id)).build());
            colour.set(Json.tree(answer.content()).path("color").asText());
        } catch (dev.camelovershoot.client.ApiException noFrameYet) {
            // 404 or 409 until the first frame arrives
        } catch (com.fasterxml.jackson.core.JsonProcessingException unreadable) {
            throw new AssertionError(unreadable);
        }
        return colour.get();
    }
}
