package dev.camelovershoot.testinfra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelovershoot.testinfra.frames.TestImages;
import dev.camelovershoot.testinfra.inference.ScriptedBackend;
import java.time.Duration;
import java.util.Set;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Parses every emulator response the way the official Python SDK ({@code overshoot-python},
 * {@code _api_client.py}, {@code _stream.py}, {@code types.py}) does. That SDK builds {@code Lease},
 * {@code LiveKitConnection}, {@code WebRTCAnswer} and {@code TurnServer} with {@code **kwargs}, so those objects
 * must carry exactly their dataclass fields; other objects are read by key, so the required keys must be present
 * with the right JSON types.
 */
class PythonSdkCompatibilityTest {

    @RegisterExtension
    static final OvershootEmulatorExtension EMULATOR = OvershootEmulatorExtension.create(b -> b
            .backend(new ScriptedBackend()).clipPersistDelay(Duration.ZERO).idleAfter(Duration.ofMillis(200))
            .streamLimitPerKey(100));

    private final OvershootEmulator emulator = EMULATOR.emulator();
    private final Api api = new Api(emulator);

    @Test
    void createResponsesOfEverySourceType() {
        String userToken = emulator.liveKitToken("user", "user-room", Duration.ofMinutes(5));
        for (String source : new String[] {null, "{'type':'webrtc','sdp':" + TestOffers.videoJson() + "}",
                "{'type':'livekit','url':'" + emulator.liveKitUrl() + "','token':'" + userToken + "'}"}) {
            String body = "{" + (source == null ? "" : "'source':" + source + ",")
                    + "'processing':{'interval_seconds':1},'inference':{'prompt':'p','model':'Qwen/Qwen3.5-9B'}}";
            JsonNode created = api.create(Api.json(body)).body();

            requireText(created, "stream_id");
            kwargs(created.get("lease"), "ttl_seconds");
            assertThat(created.get("lease").get("ttl_seconds").isInt()).isTrue();
            kwargs(created.get("livekit"), "url", "token");
            kwargs(created.get("webrtc"), "type", "sdp");
            JsonNode turnServers = created.get("turn_servers");
            assertThat(turnServers == null || turnServers.isNull() || turnServers.isArray()).isTrue();
            if (turnServers != null && turnServers.isArray()) {
                turnServers.forEach(server -> kwargs(server, "urls", "username", "credential"));
            }
        }
    }

    @Test
    void keepaliveConfigDeleteModelsAndHealth() {
        String id = api.createStream(Api.frameStream(1));

        JsonNode keepalive = api.keepalive(id).body();
        optional(keepalive, "status", JsonNode::isTextual);
        optional(keepalive, "stream_id", JsonNode::isTextual);
        optional(keepalive, "ttl_seconds", JsonNode::isInt);
        optional(keepalive, "credits_remaining_cents", JsonNode::isNumber);
        optional(keepalive, "cost_cents", JsonNode::isNumber);
        optional(keepalive, "seconds_charged", JsonNode::isNumber);
        optional(keepalive, "livekit_token", JsonNode::isTextual);

        JsonNode config = api.patch("/streams/" + id + "/config/prompt", "{\"prompt\":\"q\"}").body();
        for (String key : new String[] {"id", "stream_id", "prompt", "model", "backend"}) {
            requireText(config, key);
        }
        optional(config, "output_schema_json", JsonNode::isObject);
        optional(config, "created_at", JsonNode::isTextual);
        optional(config, "updated_at", JsonNode::isTextual);

        assertThat(api.delete("/streams/" + id).body().isObject()).isTrue();

        JsonNode models = api.get("/models").body();
        assertThat(models.isArray()).isTrue();
        models.forEach(model -> {
            requireText(model, "model");
            assertThat(model.get("ready").isBoolean()).isTrue();
            assertThat(model.get("status").asText()).isIn("ready", "degraded", "saturated", "unavailable");
        });

        assertThat(api.get("/healthz").body().get("status").asText()).isEqualTo("ok");
    }

    @Test
    void resultMessagesAndReinference() {
        String id = api.createStream(Api.frameStream(0.1));
        ResultsClient socket = ResultsClient.attach(emulator, id);
        emulator.scripted().enqueue("{\"people\":2}");
        emulator.injectFrame(id, TestImages.solid(32, 32, "red"));

        JsonNode result = socket.nextResult();
        for (String key : new String[] {"id", "stream_id", "model_name", "prompt", "result"}) {
            requireText(result, key);
        }
        assertThat(result.get("mode").asText()).isIn("clip", "frame");
        assertThat(result.get("inference_latency_ms").isNumber()).isTrue();
        assertThat(result.get("total_latency_ms").isNumber()).isTrue();
        assertThat(result.get("ok").isBoolean()).isTrue();
        optional(result, "error", JsonNode::isTextual);
        optional(result, "finish_reason", f -> Set.of("stop", "length", "content_filter").contains(f.asText()));
        optional(result, "model_backend", f -> Set.of("overshoot", "gemini").contains(f.asText()));

        // Once the stream is idle its loop takes nothing from the script, so the re-inference gets this answer.
        Awaitility.await().atMost(Duration.ofSeconds(3))
                .until(() -> api.keepalive(id).get("state").asText().equals("idle"));
        emulator.scripted().enqueue("again");
        JsonNode reinfer = api.post("/chat/completions/clip", "{\"result_id\":\"" + result.get("id").asText()
                + "\",\"prompt\":\"p\",\"model\":\"Qwen/Qwen3.5-9B\"}").body();
        for (String key : new String[] {"id", "model", "content"}) {
            requireText(reinfer, key);
        }
        optional(reinfer, "finish_reason", JsonNode::isTextual);
        optional(reinfer, "usage", JsonNode::isObject);
        socket.close();
    }

    @Test
    void errorBodies() {
        for (Api.Reply error : new Api.Reply[] {api.as(null).get("/models"), api.keepalive("missing"),
                api.create("{}"), api.create("not json")}) {
            JsonNode body = error.body();
            assertThat(body.isObject()).isTrue();
            requireText(body, "error");
            // The v0.2 OpenAPI's ErrorResponse has no message; the SDKs fall back to the error code.
            assertThat(body.has("message")).isFalse();
            requireText(body, "request_id");
            assertThat(body.has("details")).isTrue();
        }
    }

    /** {@code Cls(**obj)} on a dataclass without defaults: null is skipped, else exactly these keys. */
    private static void kwargs(JsonNode object, String... fields) {
        if (object == null || object.isNull()) {
            return;
        }
        assertThat(object.fieldNames()).toIterable().containsExactlyInAnyOrder(fields);
    }

    private static void requireText(JsonNode object, String key) {
        assertThat(object.get(key)).as(key).isNotNull();
        assertThat(object.get(key).isTextual()).as(key + " is a string").isTrue();
    }

    private static void optional(JsonNode object, String key, Predicate<JsonNode> type) {
        JsonNode value = object.get(key);
        assertThat(value == null || value.isNull() || type.test(value)).as(key + " has the expected type").isTrue();
    }
}
