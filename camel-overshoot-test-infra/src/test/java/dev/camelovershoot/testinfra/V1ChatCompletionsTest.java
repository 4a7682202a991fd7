package dev.camelovershoot.testinfra;

import static dev.camelovershoot.testinfra.V1Requests.MODEL;
import static dev.camelovershoot.testinfra.V1Requests.image;
import static dev.camelovershoot.testinfra.V1Requests.part;
import static dev.camelovershoot.testinfra.V1Requests.request;
import static dev.camelovershoot.testinfra.V1Requests.text;
import static dev.camelovershoot.testinfra.V1Requests.video;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelovershoot.testinfra.frames.EmulatorFrame;
import dev.camelovershoot.testinfra.frames.TestImages;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * v1beta chat completions over real HTTP, about frames in a v1 stream's buffer: every ovs:// form, the errors the
 * service gives for references it cannot resolve, and the OpenAI response shape. The describe backend answers with
 * the resolved frames' facts (frame count, colours, index), which is what the assertions read.
 */
class V1ChatCompletionsTest {

    private static OvershootEmulator emulator;
    private static Api api;

    @BeforeAll
    static void start() {
        emulator = OvershootEmulator.builder().apiKeys("ovs_one", "ovs_two").frameStoreMaxFrames(6).build().start();
        api = Api.v1(emulator);
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void answersAboutSingleFramesByLifetimeIndexIncludingNegativeOnes() {
        String id = streamWith("red", "green", "blue");

        Api.Reply newest = ask(image(id, "frame_index=-1"));
        assertThat(newest.status()).as(newest.rawBody()).isEqualTo(200);
        assertThat(facts(newest).get("color").asText()).isEqualTo("blue");
        assertThat(facts(newest).get("frame_index").asLong()).isEqualTo(2);
        assertThat(facts(ask(image(id, "frame_index=-3"))).get("color").asText()).isEqualTo("red");
        assertThat(facts(ask(image(id, "frame_index=1"))).get("color").asText()).isEqualTo("green");

        JsonNode body = newest.body();
        assertThat(body.get("object").asText()).isEqualTo("chat.completion");
        assertThat(body.get("id").asText()).startsWith("chatcmpl-");
        assertThat(body.get("model").asText()).isEqualTo(MODEL);
        assertThat(body.get("created").asLong()).isPositive();
        JsonNode choice = body.get("choices").get(0);
        assertThat(choice.get("message").get("role").asText()).isEqualTo("assistant");
        assertThat(choice.get("finish_reason").asText()).isEqualTo("stop");
        JsonNode usage = body.get("usage");
        assertThat(usage.get("prompt_tokens").asInt()).isGreaterThan(1);
        assertThat(usage.get("completion_tokens").asInt()).isPositive();
        assertThat(usage.get("total_tokens").asInt())
                .isEqualTo(usage.get("prompt_tokens").asInt() + usage.get("completion_tokens").asInt());
        assertThat(body.get("overshoot").get("cache").get("cache_hit").asBoolean()).isFalse();
        assertThat(newest.headers().firstValue("x-ratelimit-limit")).contains("100");
        assertThat(newest.headers().firstValue("x-ratelimit-remaining")).isPresent();
        assertThat(newest.headers().firstValue("x-ratelimit-reset")).isPresent();
    }

    @Test
    void refusesFramesNotProducedYetOrEvictedWithTheChosenStatuses() {
        String id = streamWith("red", "red", "red", "red", "red", "red", "red", "green");

        assertChatError(ask(image(id, "frame_index=8")), 409, "frame_not_yet_produced");
        assertChatError(ask(image(id, "frame_index=0")), 410, "frame_evicted");
        assertChatError(ask(image(id, "frame_index=-7")), 410, "frame_evicted");
        assertChatError(ask(image(id, "frame_index=-9")), 404, "frame_not_found");
        assertChatError(ask(image(created(), "frame_index=-1")), 409, "frame_not_yet_produced");
        assertThat(facts(ask(image(id, "frame_index=2"))).get("frame_index").asLong()).isEqualTo(2);
    }

    @Test
    void resolvesStreamTimeAndLiveEdgeOffsetsWithToleranceAndDirection() {
        String id = created();
        for (String colour : List.of("red", "green", "blue")) {
            emulator.v1().injectFrame(id, TestImages.solid(64, 48, colour));
            Api.letTimePass(Duration.ofMillis(60));
        }
        List<EmulatorFrame> frames = emulator.v1().frames(id);
        long green = frames.get(1).timestampMs();

        assertThat(colour(image(id, "timestamp_ms=" + green + "&tolerance_ms=10"))).isEqualTo("green");
        assertThat(colour(image(id, "timestamp_ms=" + (green + 1) + "&tolerance_ms=200&direction=backward")))
                .isEqualTo("green");
        assertThat(colour(image(id, "timestamp_ms=" + (green + 1) + "&tolerance_ms=200&direction=forward")))
                .isEqualTo("blue");
        assertThat(colour(image(id, "offset_ms=0&tolerance_ms=10"))).isEqualTo("red");
        assertThat(colour(image(id, "offset_ms=-1&tolerance_ms=60000&direction=backward"))).isEqualTo("blue");
        assertChatError(ask(image(id, "timestamp_ms=" + (green + 25) + "&tolerance_ms=1")), 404, "frame_not_found");
        assertChatError(ask(image(id, "timestamp_ms=9999999")), 409, "frame_not_yet_produced");
    }

    @Test
    void answersAboutWindowsNamingTheirFrameCountAndColours() {
        String id = created();
        for (String colour : List.of("red", "red", "red", "blue", "blue", "blue")) {
            emulator.v1().injectFrame(id, TestImages.solid(64, 48, colour));
            // Frames a few milliseconds apart, so that max_fps=1000 keeps every one.
            Api.letTimePass(Duration.ofMillis(5));
        }

        JsonNode all = facts(ask(video(id, "start_frame_index=0&max_fps=1000")));
        assertThat(all.get("frames").asInt()).isEqualTo(6);
        assertThat(all.get("colors")).extracting(JsonNode::asText).containsExactly("red", "blue");
        JsonNode endExclusive = facts(ask(video(id, "start_frame_index=0&end_frame_index=3&max_fps=1000")));
        assertThat(endExclusive.get("frames").asInt()).isEqualTo(3);
        assertThat(endExclusive.get("colors")).extracting(JsonNode::asText).containsExactly("red");
        JsonNode lastTwo = facts(ask(video(id, "start_frame_index=-2&max_fps=1000")));
        assertThat(lastTwo.get("frames").asInt()).isEqualTo(2);
        assertThat(lastTwo.get("colors")).extracting(JsonNode::asText).containsExactly("blue");
        JsonNode mixed = facts(ask(video(id, "start_timestamp_ms=0&end_frame_index=4&max_fps=1000")));
        assertThat(mixed.get("frames").asInt()).isEqualTo(4);
        JsonNode clipped = facts(ask(video(id, "start_offset_ms=-600000&max_fps=1000")));
        assertThat(clipped.get("frames").asInt()).isEqualTo(6);
        // max_fps defaults to 1: six frames within a fraction of a second are one frame.
        assertThat(facts(ask(video(id, "start_offset_ms=0"))).get("frames").asInt()).isEqualTo(1);

        assertChatError(ask(video(id, "start_frame_index=100")), 404, "segment_empty");
        assertChatError(ask(video(id, "start_frame_index=4&end_frame_index=2")), 400, "segment_invalid");
    }

    @Test
    void refusesMalformedReferencesAsTheServiceDoes() {
        String id = streamWith("red");

        assertValidationError(ask(image(id, "frame_index=0&frame_index=0")), "Duplicate query parameter");
        assertValidationError(ask(image(id, "frame_index=0&offset_ms=-10")), "exactly one");
        assertValidationError(ask(image(id, "tolerance_ms=10")), "needs an anchor");
        assertValidationError(ask(video(id, "start_frame_index=0&start_offset_ms=-100")), "exactly one");
        assertValidationError(ask(video(id, "start_frame_index=0&end_frame_index=1&end_timestamp_ms=5")),
                "exactly one");
        assertValidationError(ask(video(id, "end_frame_index=1")), "start anchor");
        assertChatError(ask(image(id, "frame_index=first")), 400, "query_param_invalid");
        assertChatError(ask(image(id, "frame_index=0&colour=red")), 400, "query_param_invalid");
        assertChatError(ask(image(id, "timestamp_ms=0&direction=sideways")), 400, "query_param_invalid");
        assertChatError(ask(image(id, "timestamp_ms=0&tolerance_ms=0")), 400, "query_param_invalid");
        assertChatError(ask(video(id, "start_frame_index=0&max_fps=0")), 400, "query_param_invalid");
        assertChatError(ask(part("image_url", "ovs://stream/" + id + "?frame_index=0")), 400, "stream_url_invalid");
        assertChatError(ask(part("image_url", "https://example.com/cat.jpg")), 400, "media_url_unsupported");
    }

    @Test
    void hidesOtherKeysUnknownAndEndedStreamsAndChecksTheRequest() {
        String id = streamWith("red");
        assertChatError(api.as("ovs_two").post("/chat/completions", request(image(id, "frame_index=0")).toString()),
                404, "stream_not_found");
        assertChatError(ask(image("8f5c2a1e-0000-0000-0000-000000000000", "frame_index=0")), 404, "stream_not_found");
        api.delete("/streams/" + id);
        assertChatError(ask(image(id, "frame_index=0")), 404, "stream_not_found");

        ObjectNode unknownModel = request(text("hello")).put("model", "acme/vision-1");
        assertChatError(api.post("/chat/completions", unknownModel.toString()), 404, "model_not_found");
        Api.Reply noMessages = api.post("/chat/completions", "{\"model\":\"" + MODEL + "\"}");
        assertThat(noMessages.status()).isEqualTo(422);
        assertThat(noMessages.get("detail").get(0).get("loc")).extracting(JsonNode::asText)
                .containsExactly("body", "messages");
        assertThat(api.as(null).post("/chat/completions", request(text("hello")).toString()).status()).isEqualTo(401);
    }

    @Test
    void answersTextOnlyAndDataUrlImagesAndHonoursResponseFormatAndTokenCap() throws Exception {
        Api.Reply textOnly = ask(text("Is anyone there?"));
        assertThat(textOnly.status()).isEqualTo(200);
        assertThat(facts(textOnly).get("frames").asInt()).isZero();

        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(TestImages.solid(32, 32, "yellow"), "png", png);
        String dataUrl = "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
        assertThat(colour(part("image_url", dataUrl))).isEqualTo("yellow");

        String id = streamWith("cyan");
        ObjectNode schema = request(image(id, "frame_index=-1"));
        schema.putObject("response_format").put("type", "json_schema").putObject("json_schema").put("name", "scene")
                .putObject("schema").put("type", "object");
        Api.Reply structured = api.post("/chat/completions", schema.toString());
        assertThat(Api.parse(content(structured)).get("color").asText()).isEqualTo("cyan");

        ObjectNode capped = request(image(id, "frame_index=-1")).put("max_tokens", 2);
        Api.Reply cut = api.post("/chat/completions", capped.toString());
        assertThat(cut.get("choices").get(0).get("finish_reason").asText()).isEqualTo("length");
        assertThat(cut.get("usage").get("completion_tokens").asInt()).isLessThanOrEqualTo(2);
    }

    @Test
    void streamsTheAnswerAsServerSentEventsWithUsageLast() {
        String id = streamWith("magenta");
        ObjectNode body = request(image(id, "frame_index=-1")).put("stream", true);
        body.putObject("stream_options").put("include_usage", true);

        Api.Reply reply = api.post("/chat/completions", body.toString());
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        List<String> events = reply.rawBody().lines().filter(l -> !l.isEmpty()).toList();
        assertThat(events).allMatch(l -> l.startsWith("data: "));
        assertThat(events.get(events.size() - 1)).isEqualTo("data: [DONE]");
        List<JsonNode> chunks = events.subList(0, events.size() - 1).stream().map(l -> Api.parse(l.substring(6)))
                .toList();
        assertThat(chunks).allMatch(c -> c.get("object").asText().equals("chat.completion.chunk"));
        assertThat(chunks.get(0).get("choices").get(0).get("delta").get("role").asText()).isEqualTo("assistant");
        StringBuilder content = new StringBuilder();
        chunks.forEach(c -> content.append(c.path("choices").path(0).path("delta").path("content").asText("")));
        assertThat(Api.parse(content.toString()).get("color").asText()).isEqualTo("magenta");
        assertThat(chunks.size()).isGreaterThan(4);
        JsonNode last = chunks.get(chunks.size() - 1);
        assertThat(last.get("choices")).isEmpty();
        assertThat(last.get("usage").get("total_tokens").asInt()).isPositive();
        assertThat(chunks.get(chunks.size() - 2).get("choices").get(0).get("finish_reason").asText()).isEqualTo("stop");
    }

    @Test
    void limitsRequestsPerKeyAndSecondAndInjectsFaults() {
        try (OvershootEmulator limited = OvershootEmulator.builder().v1RequestsPerSecond(2).build().start()) {
            Api client = Api.v1(limited);
            List<Api.Reply> replies = IntStream.range(0, 5)
                    .mapToObj(i -> client.post("/chat/completions", request(text("hi")).toString())).toList();
            Api.Reply refused = replies.stream().filter(r -> r.status() == 429).findFirst().orElseThrow();
            assertThat(refused.headers().firstValue("retry-after")).contains("1");
            assertThat(refused.headers().firstValue("x-ratelimit-limit")).contains("2");
            assertThat(refused.headers().firstValue("x-ratelimit-remaining")).contains("0");
            assertThat(refused.get("detail").get("error").get("type").asText()).isEqualTo("rate_limit_error");
        }

        emulator.v1().failNextChats(1, 503);
        Api.Reply unavailable = ask(text("hi"));
        assertThat(unavailable.status()).isEqualTo(503);
        assertThat(unavailable.get("detail").isTextual()).isTrue();
        emulator.v1().failNextChats(1, 429);
        assertThat(ask(text("hi")).headers().firstValue("retry-after")).contains("1");
        assertThat(ask(text("hi")).status()).isEqualTo(200);

        emulator.v1().delayNextChats(1, Duration.ofMillis(300));
        long started = System.nanoTime();
        assertThat(ask(text("hi")).status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private static String created() {
        return api.post("/streams", "{}").get("id").asText();
    }

    private static String streamWith(String... colours) {
        String id = created();
        for (String colour : colours) {
            emulator.v1().injectFrame(id, TestImages.solid(64, 48, colour));
        }
        return id;
    }

    private static Api.Reply ask(ObjectNode media) {
        return api.post("/chat/completions", request(media).toString());
    }

    private static String content(Api.Reply reply) {
        assertThat(reply.status()).as(reply.rawBody()).isEqualTo(200);
        return reply.get("choices").get(0).get("message").get("content").asText();
    }

    private static JsonNode facts(Api.Reply reply) {
        return Api.parse(content(reply));
    }

    private static String colour(ObjectNode media) {
        return facts(ask(media)).get("color").asText();
    }

    private static void assertChatError(Api.Reply reply, int status, String code) {
        assertThat(reply.status()).as(reply.rawBody()).isEqualTo(status);
        JsonNode error = reply.get("detail").get("error");
        assertThat(error.get("code").asText()).isEqualTo(code);
        assertThat(error.get("message").asText()).isNotBlank();
        assertThat(error.get("type").asText()).isNotBlank();
    }

    private static void assertValidationError(Api.Reply reply, String message) {
        assertThat(reply.status()).as(reply.rawBody()).isEqualTo(422);
        JsonNode error = reply.get("detail").get(0);
        assertThat(error.get("msg").asText()).contains(message);
        assertThat(error.get("loc")).extracting(JsonNode::asText).startsWith("body", "messages", "0", "content", "1")
                .endsWith("url");
    }
}
