package dev.camelovershoot.testinfra;

import static dev.camelovershoot.testinfra.V1Requests.awaitNewest;
import static dev.camelovershoot.testinfra.V1Requests.request;
import static dev.camelovershoot.testinfra.V1Requests.video;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelovershoot.testinfra.livekit.LiveKitTestPublisher;
import dev.camelovershoot.testinfra.rtc.ClientWebRtc;
import java.time.Duration;
import livekit.LivekitRtc.RequestResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real WebRTC into a v1 stream: a LiveKit participant publishes coloured video with the stream's publish token, and
 * chat completions about the newest frame and about a window name the colours it sent.
 */
class V1PublishingTest {

    private static final Duration MEDIA_TIMEOUT = Duration.ofSeconds(15);

    private static OvershootEmulator emulator;
    private static ClientWebRtc webrtc;
    private static Api api;

    @BeforeAll
    static void start() {
        emulator = OvershootEmulator.builder().build().start();
        webrtc = new ClientWebRtc();
        api = Api.v1(emulator);
    }

    @AfterAll
    static void stop() {
        emulator.close();
        webrtc.close();
    }

    @Test
    void answersAboutTheColoursPublishedIntoTheStream() throws Exception {
        Api.Reply created = api.post("/streams", "{}");
        String id = created.get("id").asText();
        JsonNode publish = created.get("publish");

        try (LiveKitTestPublisher publisher = LiveKitTestPublisher.publish(webrtc, publish.get("url").asText(),
                publish.get("token").asText(), "red")) {
            awaitNewest(api, id, "red", MEDIA_TIMEOUT);
            publisher.setColour("blue");
            awaitNewest(api, id, "blue", MEDIA_TIMEOUT);

            ObjectNode window = request(video(id, "start_offset_ms=-60000&max_fps=30"));
            JsonNode facts = Api.parse(api.post("/chat/completions", window.toString()).get("choices").get(0)
                    .get("message").get("content").asText());
            assertThat(facts.get("colors")).extracting(JsonNode::asText).containsSubsequence("red", "blue");
            assertThat(facts.get("frames").asInt()).isGreaterThan(2);

            JsonNode status = api.get("/streams/" + id).body();
            assertThat(status.get("last_frame_index").asLong()).isPositive();
            assertThat(status.get("stream_time_ms").asLong()).isPositive();
            assertThat(status.get("recent_fps").asDouble()).isPositive();
        }
    }

    @Test
    void theKeepalivesFreshTokenRejoinsTheRoom() throws Exception {
        String id = api.post("/streams", "{}").get("id").asText();
        JsonNode renewed = api.post("/streams/" + id + "/keepalive", null).get("publish");

        try (LiveKitTestPublisher publisher = LiveKitTestPublisher.publish(webrtc, renewed.get("url").asText(),
                renewed.get("token").asText(), "green")) {
            awaitNewest(api, id, "green", MEDIA_TIMEOUT);
        }
    }

    @Test
    void aViewerTokenJoinsButMayNotPublish() throws Exception {
        String id = api.post("/streams", "{}").get("id").asText();
        JsonNode view = api.post("/streams/" + id + "/viewer-token", "{}").get("view");

        assertThat(LiveKitTestPublisher.tryToPublish(view.get("url").asText(), view.get("token").asText()))
                .isEqualTo(RequestResponse.Reason.NOT_ALLOWED);
        assertThat(emulator.v1().frames(id)).isEmpty();
    }
}
