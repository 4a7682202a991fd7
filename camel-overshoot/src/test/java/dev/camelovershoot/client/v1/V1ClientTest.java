package dev.camelovershoot.client.v1;

import static dev.camelovershoot.client.v1.V1Support.MODEL;
import static dev.camelovershoot.client.v1.V1Support.client;
import static dev.camelovershoot.client.v1.V1Support.show;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelovershoot.client.AuthenticationException;
import dev.camelovershoot.client.FrameUnavailableException;
import dev.camelovershoot.client.Json;
import dev.camelovershoot.client.NotFoundException;
import dev.camelovershoot.client.RateLimitException;
import dev.camelovershoot.client.ValidationException;
import dev.camelovershoot.testinfra.OvershootEmulator;
import dev.camelovershoot.testinfra.OvershootEmulatorExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Each v1 endpoint against the emulator's v1beta API, and the errors it answers with. */
class V1ClientTest {

    @RegisterExtension
    static final OvershootEmulatorExtension EMULATOR = OvershootEmulatorExtension.create(b -> { });

    /** Frames 50 ms apart, as a 20 fps camera sends them. */
    private static final long FRAME_SPACING_MS = 50;

    private final OvershootEmulator emulator = EMULATOR.emulator();
    private final V1Client client = client(emulator);

    @Test
    void createsAStreamToPublishIntoAndReadsItsFrameBuffer() {
        CreatedStream created = client.createStream();
        show(emulator, created.id(), "red");
        show(emulator, created.id(), "blue");

        StreamInfo info = client.stream(created.id());

        assertThat(created.state()).isEqualTo("active");
        assertThat(created.published()).isTrue();
        assertThat(created.publish().url()).isEqualTo(emulator.liveKitUrl());
        assertThat(created.ttlSeconds()).isEqualTo(300);
        assertThat(created.toString()).doesNotContain(created.publish().token());
        assertThat(info.active()).isTrue();
        assertThat(info.lastFrameIndex()).isEqualTo(1);
        assertThat(info.firstAvailableFrameIndex()).isZero();
        assertThat(info.retainedFrameCount()).isEqualTo(2);
        assertThat(info.evictedFrameCount()).isZero();
        assertThat(info.firstFrameAtMs()).isNotNull().isLessThanOrEqualTo(info.lastFrameAtMs());
        assertThat(info.streamTimeMs()).isNotNull();
        assertThat(info.ttlSeconds()).isEqualTo(300);
        assertThat(info.endReason()).isNull();
        assertThat(info.lastPull()).isNull();
    }

    @Test
    void keepaliveBringsAFreshPublishTokenAndDeleteIsIdempotent() {
        CreatedStream created = client.createStream();

        KeepaliveResult renewed = client.keepalive(created.id());
        DeletedStream deleted = client.deleteStream(created.id());
        DeletedStream again = client.deleteStream(created.id());
        StreamInfo ended = client.stream(created.id());

        assertThat(renewed.publish().token()).isNotBlank();
        assertThat(renewed.ttlSeconds()).isEqualTo(300);
        assertThat(renewed.expiresAtMs()).isGreaterThanOrEqualTo(created.expiresAtMs());
        assertThat(deleted.deleted()).isTrue();
        assertThat(again.id()).isEqualTo(created.id());
        assertThat(ended.state()).isEqualTo(StreamInfo.ENDED);
        assertThat(ended.endReason()).isEqualTo("deleted");
        assertThat(client.deleteStream(UUID.randomUUID().toString()).deleted()).isFalse();
    }

    @Test
    void viewerTokenAndModels() {
        CreatedStream created = client.createStream();

        ViewerToken viewer = client.viewerToken(created.id());
        List<Model> models = client.models();

        assertThat(viewer.url()).isEqualTo(emulator.liveKitUrl());
        assertThat(viewer.token()).isNotBlank();
        assertThat(viewer.expiresInSeconds()).isEqualTo(300);
        assertThat(viewer.toString()).doesNotContain(viewer.token());
        assertThat(models).extracting(Model::id).contains(MODEL);
        assertThat(models).allSatisfy(model -> assertThat(model.ready()).isTrue());
    }

    @Test
    void asksAboutTheNewestFrameAndAWindow() throws Exception {
        String id = client.createStream().id();
        for (String colour : List.of("red", "green", "blue")) {
            show(emulator, id, colour);
            Thread.sleep(FRAME_SPACING_MS); // a camera's frame interval: the window samples by stream time
        }

        ChatCompletion newest = client.chat(ChatRequest.builder(MODEL)
                .ask("What colour is it?", OvsReference.newestFrame(id)).maxTokens(200).temperature(0).build());
        ChatCompletion window = client.chat(ChatRequest.builder(MODEL)
                .ask("What happened?", OvsReference.window(id).startIndex(0).endIndex(3).maxFps(30).build())
                .build());

        JsonNode frame = Json.tree(newest.content());
        assertThat(frame.path("color").asText()).isEqualTo("blue");
        assertThat(frame.path("frame_index").asLong()).isEqualTo(2);
        assertThat(newest.finishReason()).isEqualTo("stop");
        assertThat(newest.model()).isEqualTo(MODEL);
        assertThat(newest.usage().promptTokens()).isPositive();
        assertThat(newest.usage().totalTokens())
                .isEqualTo(newest.usage().promptTokens() + newest.usage().completionTokens());
        JsonNode clip = Json.tree(window.content());
        assertThat(clip.path("frames").asInt()).isEqualTo(3);
        assertThat(clip.path("colors")).extracting(JsonNode::asText).containsExactly("red", "green", "blue");
    }

    @Test
    void structuredOutputAsJsonSchemaAndJsonObject() throws Exception {
        String id = client.createStream().id();
        show(emulator, id, "yellow");
        JsonNode schema = Json.tree("{\"type\":\"object\",\"properties\":{\"color\":{\"type\":\"string\"}}}");

        ChatCompletion bySchema = client.chat(ChatRequest.builder(MODEL).ask("Colour?", OvsReference.newestFrame(id))
                .responseFormat(ResponseFormat.jsonSchema("colour", schema)).build());
        ChatCompletion asObject = client.chat(ChatRequest.builder(MODEL).ask("Colour?", OvsReference.newestFrame(id))
                .responseFormat(ResponseFormat.jsonObject()).build());

        assertThat(Json.tree(bySchema.content()).path("color").asText()).isEqualTo("yellow");
        assertThat(Json.tree(asObject.content()).isObject()).isTrue();
    }

    @Test
    void aStreamedAnswerArrivesInPiecesThatMakeTheWholeAnswer() {
        String id = client.createStream().id();
        show(emulator, id, "green");
        ChatRequest question = ChatRequest.builder(MODEL).ask("Colour?", OvsReference.newestFrame(id)).build();
        List<String> pieces = new ArrayList<>();

        ChatCompletion streamed = client.chatStream(question, chunk -> pieces.add(chunk.content()));
        ChatCompletion whole = client.chat(question);

        assertThat(pieces.size()).isGreaterThan(3);
        assertThat(String.join("", pieces)).isEqualTo(streamed.content());
        assertThat(streamed.content()).isEqualTo(whole.content());
        assertThat(streamed.finishReason()).isEqualTo("stop");
        assertThat(streamed.usage()).isNotNull();
        assertThat(streamed.usage().completionTokens()).isPositive();
    }

    @Test
    void errorsOfTheEmulatorMapToTheSharedExceptions() {
        String id = client.createStream().id();
        show(emulator, id, "red");

        AuthenticationException wrongKey = catchThrowableOfType(AuthenticationException.class,
                () -> client(emulator, "ovs_not_a_key_1234").createStream());
        FrameUnavailableException ahead = catchThrowableOfType(FrameUnavailableException.class, () -> client.chat(
                ChatRequest.builder(MODEL).ask("?", OvsReference.frame(id).index(50).build()).build()));
        ValidationException duplicate = catchThrowableOfType(ValidationException.class, () -> client.chat(
                ChatRequest.builder(MODEL).message(Message.user(ContentPart.text("?"), ContentPart.image(
                        "ovs://streams/" + id + "?frame_index=0&frame_index=-1"))).build()));
        client.deleteStream(id);
        NotFoundException deleted = catchThrowableOfType(NotFoundException.class, () -> client.chat(
                ChatRequest.builder(MODEL).ask("?", OvsReference.newestFrame(id)).build()));

        assertThat(wrongKey.status()).isEqualTo(401);
        assertThat(wrongKey).hasMessageNotContaining("ovs_not_a_key_1234");
        assertThat(ahead.status()).isEqualTo(409);
        assertThat(ahead.notYetProduced()).isTrue();
        assertThat(duplicate.status()).isEqualTo(422);
        assertThat(deleted.status()).isEqualTo(404);
        assertThatThrownBy(() -> client.keepalive(id)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void rateLimitedAnswersCarryTheRateAndUnavailableIsRetried() {
        String id = client.createStream().id();
        show(emulator, id, "red");
        ChatRequest question = ChatRequest.builder(MODEL).ask("?", OvsReference.newestFrame(id)).build();

        emulator.v1().failNextChats(1, 429);
        RateLimitException limited = catchThrowableOfType(RateLimitException.class, () -> client.chat(question));
        emulator.v1().failNextChats(2, 503);
        ChatCompletion afterRetries = client.chat(question);

        assertThat(limited.retryAfter()).contains(Duration.ofSeconds(1));
        assertThat(limited.rateLimits()).hasValueSatisfying(rate -> {
            assertThat(rate.limit()).isPositive();
            assertThat(rate.remaining()).isZero();
        });
        assertThat(afterRetries.content()).contains("red");
    }
}
