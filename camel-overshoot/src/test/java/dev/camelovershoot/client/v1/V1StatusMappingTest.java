package dev.camelovershoot.client.v1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.camelovershoot.client.ApiException;
import dev.camelovershoot.client.AuthenticationException;
import dev.camelovershoot.client.FrameUnavailableException;
import dev.camelovershoot.client.NotFoundException;
import dev.camelovershoot.client.RateLimitException;
import dev.camelovershoot.client.RateLimits;
import dev.camelovershoot.client.ServerException;
import dev.camelovershoot.client.ValidationException;
import dev.camelovershoot.client.v1.StubServer.Reply;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * v1 error bodies ({@code {"detail": ...}}) over real HTTP, for the shapes and statuses the emulator does not send:
 * ChatErrors of providers, a region conflict, 409/410 frame errors in both documented statuses, 429 headers and a
 * 503 storm. The emulator's own errors are checked in {@link V1ClientTest}.
 */
class V1StatusMappingTest {

    private static final String ID = "9d4e0c52-0000-4000-8000-00000000000a";

    private final StubServer stub = new StubServer();
    private final V1Client client = stub.client();

    V1StatusMappingTest() throws IOException {
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    @Test
    void aStringDetailIsTheMessage() {
        stub.reply(Reply.json(404, "{\"detail\":\"Stream not found\"}"));

        NotFoundException error = catchThrowableOfType(NotFoundException.class, () -> client.keepalive(ID));

        assertThat(error.status()).isEqualTo(404);
        assertThat(error).hasMessageContaining("Stream not found").hasMessageContaining("POST /streams/" + ID);
    }

    @Test
    void aListOfFieldErrorsIsAValidationErrorNamingTheFields() {
        stub.reply(Reply.json(422, "{\"detail\":[{\"loc\":[\"body\",\"messages\",0,\"content\"],"
                + "\"msg\":\"Field required\",\"type\":\"missing\"}]}"));

        ValidationException error = catchThrowableOfType(ValidationException.class,
                () -> client.chat(ChatRequest.builder("m").user("hi").build()));

        assertThat(error.errorCode()).isEqualTo("validation_error");
        assertThat(error.fieldErrors()).containsExactly(Map.entry("body.messages.0.content", "Field required"));
        assertThat(error).hasMessageContaining("body.messages.0.content: Field required");
    }

    @Test
    void aChatErrorKeepsItsCodeTypeAndMessage() {
        stub.reply(Reply.json(400, "{\"detail\":{\"error\":{\"message\":\"This model takes images only\","
                + "\"type\":\"validation_error\",\"code\":\"model_video_unsupported\",\"upstream\":null}}}"));

        ValidationException error = catchThrowableOfType(ValidationException.class,
                () -> client.chat(ChatRequest.builder("m").user("hi").build()));

        assertThat(error.errorCode()).isEqualTo("model_video_unsupported");
        assertThat(error.details().path("type").asText()).isEqualTo("validation_error");
        assertThat(error).hasMessageContaining("This model takes images only");
    }

    @Test
    void frameErrorsAreFrameUnavailableWhateverStatusTheyCome() {
        stub.reply(chatError(409, "frame_not_yet_produced", "Frame 900 has not been produced yet"),
                chatError(410, "frame_evicted", "Frame 3 was evicted"),
                chatError(422, "frame_not_yet_produced", "Frame 901 has not been produced yet"));
        ChatRequest ask = ChatRequest.builder("m").ask("what?", OvsReference.frame(ID).index(900).build()).build();

        FrameUnavailableException ahead = catchThrowableOfType(FrameUnavailableException.class, () -> client.chat(ask));
        FrameUnavailableException gone = catchThrowableOfType(FrameUnavailableException.class, () -> client.chat(ask));
        FrameUnavailableException otherPage = catchThrowableOfType(FrameUnavailableException.class,
                () -> client.chat(ask));

        assertThat(ahead.status()).isEqualTo(409);
        assertThat(ahead.notYetProduced()).isTrue();
        assertThat(gone.status()).isEqualTo(410);
        assertThat(gone.evicted()).isTrue();
        assertThat(gone).hasMessageContaining("retention");
        assertThat(otherPage.notYetProduced()).isTrue();
    }

    @Test
    void aRegionConflictSaysWhereTheStreamLives() {
        stub.reply(Reply.json(409, "{\"detail\":{\"error\":\"region_error\",\"expected_region\":\"us-west1\","
                + "\"requested_region\":\"us-central1\"}}"));

        ApiException error = catchThrowableOfType(ApiException.class, () -> client.stream(ID));

        assertThat(error.status()).isEqualTo(409);
        assertThat(error.errorCode()).isEqualTo("region_error");
        assertThat(error).hasMessageContaining("us-west1");
    }

    @Test
    void rateLimitedWithRetryAfterAndTheRateHeaders() {
        stub.reply(new Reply(429, "{\"detail\":{\"error\":{\"message\":\"Rate limit exceeded\","
                + "\"type\":\"rate_limit_error\",\"code\":\"rate_limited\"}}}", Map.of("retry-after", "1",
                "x-ratelimit-limit", "5", "x-ratelimit-remaining", "0", "x-ratelimit-reset", "1796300000")));

        RateLimitException error = catchThrowableOfType(RateLimitException.class,
                () -> client.chat(ChatRequest.builder("m").user("hi").build()));

        assertThat(error.retryAfter()).contains(Duration.ofSeconds(1));
        assertThat(error.rateLimits()).contains(new RateLimits(5, 0, 1796300000L));
    }

    @Test
    void unavailableIsRetriedThenAnswered() {
        stub.reply(Reply.json(503, "{\"detail\":\"Service draining\"}"),
                Reply.json(503, "{\"detail\":\"Service draining\"}"),
                Reply.json(200, "{\"object\":\"list\",\"data\":[{\"id\":\"m1\",\"object\":\"model\",\"created\":1,"
                        + "\"owned_by\":\"overshoot\",\"status\":\"ready\"}]}"));

        assertThat(client.models()).extracting(Model::id).containsExactly("m1");
        assertThat(stub.requests()).containsExactly("GET /v1beta/models", "GET /v1beta/models", "GET /v1beta/models");
    }

    @Test
    void unavailableForTooLongIsReported() {
        stub.reply(Reply.json(503, "{\"detail\":\"Starting up\"}"), Reply.json(503, "{\"detail\":\"Starting up\"}"),
                Reply.json(503, "{\"detail\":\"Starting up\"}"));

        ServerException error = catchThrowableOfType(ServerException.class, client::createStream);

        assertThat(error.status()).isEqualTo(503);
        assertThat(error).hasMessageContaining("Starting up");
        assertThat(stub.requests()).hasSize(3);
    }

    @Test
    void forbiddenIsAnAuthenticationErrorWithoutTheKey() {
        stub.reply(Reply.json(403, "{\"detail\":\"API key " + StubServer.KEY + " has no associated user\"}"));

        AuthenticationException error = catchThrowableOfType(AuthenticationException.class, client::createStream);

        assertThat(error.status()).isEqualTo(403);
        assertThat(error).hasMessageContaining("no associated user").hasMessageNotContaining(StubServer.KEY);
    }

    private static Reply chatError(int status, String code, String message) {
        return Reply.json(status, "{\"detail\":{\"error\":{\"message\":\"" + message + "\",\"type\":\"stream_error\","
                + "\"code\":\"" + code + "\"}}}");
    }
}
