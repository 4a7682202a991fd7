package dev.camelovershoot.testinfra;

import static dev.camelovershoot.testinfra.V1Requests.MODEL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.http.StreamResponse;
import com.openai.errors.NotFoundException;
import com.openai.errors.OpenAIServiceException;
import com.openai.errors.UnauthorizedException;
import com.openai.errors.UnprocessableEntityException;
import com.openai.helpers.ChatCompletionAccumulator;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionContentPart;
import com.openai.models.chat.completions.ChatCompletionContentPartImage;
import com.openai.models.chat.completions.ChatCompletionContentPartText;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.models.Model;
import dev.camelovershoot.testinfra.livekit.RtcNodePublisher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Fidelity of the emulator's v1beta with two official clients and no code of ours in between: {@code
 * @livekit/rtc-node} publishes coloured video into a v1 stream with the stream's {@code publish} grant, and the
 * official OpenAI client for Java ({@code com.openai:openai-java}, base URL = the emulator's v1 URL, its key) asks
 * about it with {@code ovs://} image and video parts, plain and streamed. The client validates every response
 * against its own OpenAI model classes, so a shape it does not accept fails the test.
 */
class OpenAiJavaFidelityTest {

    private static final Duration MEDIA = Duration.ofSeconds(30);

    private static OvershootEmulator emulator;
    private static OpenAIClient openAi;

    @BeforeAll
    static void start() {
        emulator = OvershootEmulator.builder().build().start();
        openAi = OpenAIOkHttpClient.builder()
                .baseUrl(emulator.v1BaseUrl())
                .apiKey(emulator.apiKey())
                .responseValidation(true)
                .maxRetries(0)
                .timeout(Duration.ofSeconds(20))
                .build();
    }

    @AfterAll
    static void stop() {
        if (openAi != null) {
            openAi.close();
        }
        emulator.close();
    }

    @Test
    void answersNameTheColoursRtcNodePublishedIntoTheV1Stream() throws Exception {
        RtcNodePublisher.install();
        Api.Reply created = Api.v1(emulator).post("/streams", "{}");
        assertThat(created.status()).as(created.rawBody()).isEqualTo(201);
        String id = created.get("id").asText();
        JsonNode publish = created.get("publish");

        try (RtcNodePublisher publisher = RtcNodePublisher.start(publish.get("url").asText(),
                publish.get("token").asText(), "openai-java-fidelity")) {
            awaitNewestColour(id, "red");
            publisher.colour("blue");
            awaitNewestColour(id, "blue");

            ChatCompletion window = openAi.chat().completions().create(
                    question(video("ovs://streams/" + id + "?start_offset_ms=-60000&max_fps=30")));
            JsonNode facts = Api.parse(window.choices().get(0).message().content().orElseThrow());
            assertThat(facts.get("colors")).extracting(JsonNode::asText).containsSubsequence("red", "blue");
            assertThat(facts.get("frames").asInt()).isGreaterThan(2);
            assertThat(window.model()).isEqualTo(MODEL);
            assertThat(window.choices().get(0).finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.STOP);
            assertThat(window.usage().orElseThrow().totalTokens()).isPositive();

            ChatCompletion streamed = streamed(question(image("ovs://streams/" + id + "?frame_index=-1")));
            assertThat(colour(streamed)).isEqualTo("blue");
            assertThat(streamed.usage().orElseThrow().totalTokens()).isPositive();
        }
    }

    @Test
    void listsTheModelsAndReportsErrorsAsTheOfficialClientsExceptions() {
        List<String> models = openAi.models().list().data().stream().map(Model::id).toList();
        assertThat(models).contains(MODEL);

        ChatCompletionCreateParams unknownStream = question(image("ovs://streams/no-such-stream?frame_index=-1"));
        assertThatThrownBy(() -> openAi.chat().completions().create(unknownStream))
                .isInstanceOf(NotFoundException.class);
        String id = Api.v1(emulator).post("/streams", "{}").get("id").asText();
        ChatCompletionCreateParams twoAnchors = question(image("ovs://streams/" + id + "?frame_index=-1&offset_ms=0"));
        assertThatThrownBy(() -> openAi.chat().completions().create(twoAnchors))
                .isInstanceOf(UnprocessableEntityException.class);
        // Shares the client's connection pool: closing the original closes both.
        OpenAIClient stranger = openAi.withOptions(o -> o.apiKey("ovs_not_a_key"));
        assertThatThrownBy(() -> stranger.chat().completions().create(unknownStream))
                .isInstanceOf(UnauthorizedException.class);
    }

    /** Asks about the newest frame with the official client until the describe backend names {@code colour}. */
    private static void awaitNewestColour(String streamId, String colour) {
        ChatCompletionCreateParams newest = question(image("ovs://streams/" + streamId + "?frame_index=-1"));
        // Until the first frame arrives the emulator answers 409 frame_not_yet_produced, which the client throws.
        await().atMost(MEDIA).pollInterval(Duration.ofMillis(200))
                .ignoreExceptionsInstanceOf(OpenAIServiceException.class)
                .until(() -> colour.equals(colour(openAi.chat().completions().create(newest))));
    }

    /** {@code stream: true}: the chunks as they come, folded by the client's own accumulator. */
    private static ChatCompletion streamed(ChatCompletionCreateParams params) {
        ChatCompletionCreateParams withUsage = params.toBuilder()
                .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build();
        ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();
        List<ChatCompletionChunk> chunks = new ArrayList<>();
        try (StreamResponse<ChatCompletionChunk> stream = openAi.chat().completions().createStreaming(withUsage)) {
            stream.stream().forEach(chunk -> {
                chunks.add(chunk);
                accumulator.accumulate(chunk);
            });
        }
        assertThat(chunks).hasSizeGreaterThan(1);
        return accumulator.chatCompletion();
    }

    private static String colour(ChatCompletion completion) {
        return Api.parse(completion.choices().get(0).message().content().orElseThrow()).get("color").asText();
    }

    private static ChatCompletionCreateParams question(ChatCompletionContentPart media) {
        ChatCompletionContentPart text = ChatCompletionContentPart.ofText(
                ChatCompletionContentPartText.builder().text("What is in view?").build());
        return ChatCompletionCreateParams.builder().model(MODEL)
                .addUserMessageOfArrayOfContentParts(List.of(text, media)).build();
    }

    private static ChatCompletionContentPart image(String url) {
        return ChatCompletionContentPart.ofImageUrl(ChatCompletionContentPartImage.builder()
                .imageUrl(ChatCompletionContentPartImage.ImageUrl.builder().url(url).build()).build());
    }

    /**
     * OpenAI's API has no video part, so the client has no class for one: a part it does not know is kept as its
     * JSON and sent as it is, which is how a user of the official client writes Overshoot's {@code video_url}.
     */
    private static ChatCompletionContentPart video(String url) {
        return JsonValue.from(Map.of("type", "video_url", "video_url", Map.of("url", url)))
                .convert(ChatCompletionContentPart.class);
    }
}
