package dev.camelovershoot.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelovershoot.client.wire.Inference;
import dev.camelovershoot.client.wire.InferenceResult;
import dev.camelovershoot.client.wire.KeepaliveResponse;
import dev.camelovershoot.client.wire.LiveKitInfo;
import dev.camelovershoot.client.wire.Mode;
import dev.camelovershoot.client.wire.Processing;
import dev.camelovershoot.client.wire.Source;
import dev.camelovershoot.client.wire.Status;
import dev.camelovershoot.client.wire.StreamCreated;
import dev.camelovershoot.client.wire.StreamRequest;
import dev.camelovershoot.client.wire.TurnServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The JSON the client writes and accepts, and what its records show when logged. */
class WireFormatTest {

    @Test
    void nativeFrameRequestHasSnakeCaseFieldsAndNoNulls() throws Exception {
        StreamRequest request = StreamRequest.of(Processing.frame(0.5), Inference.of("Describe", "m")
                .withMaxOutputTokens(64));

        assertThat(Json.tree(Json.write(request))).isEqualTo(Json.tree("""
                {"mode":"frame","processing":{"interval_seconds":0.5},
                 "inference":{"prompt":"Describe","model":"m","max_output_tokens":64}}"""));
    }

    @Test
    void clipAndSourceShapes() throws Exception {
        StreamRequest clip = StreamRequest.of(Processing.clip(6, 0.5, 1.0), Inference.of("p", "m"))
                .withSource(Source.liveKit("wss://lk.example", "jwt"));
        StreamRequest legacy = StreamRequest.of(Processing.legacyClip(30, 0.2, 1.0, 0.5), Inference.of("p", "m"))
                .withSource(Source.webRtc("v=0"));

        assertThat(Json.tree(Json.write(clip))).isEqualTo(Json.tree("""
                {"source":{"type":"livekit","url":"wss://lk.example","token":"jwt"},"mode":"clip",
                 "processing":{"target_fps":6,"clip_length_seconds":0.5,"delay_seconds":1.0},
                 "inference":{"prompt":"p","model":"m"}}"""));
        assertThat(legacy.mode()).isEqualTo(Mode.CLIP);
        assertThat(Json.tree(Json.write(legacy)).path("processing")).isEqualTo(Json.tree("""
                {"fps":30,"sampling_ratio":0.2,"clip_length_seconds":1.0,"delay_seconds":0.5}"""));
        assertThat(Json.tree(Json.write(Source.nativeLiveKit()))).isEqualTo(Json.tree("{\"type\":\"native\"}"));
    }

    @Test
    void responsesIgnoreUnknownFieldsAndAllowMissingOptionalOnes() throws Exception {
        StreamCreated created = Json.read("""
                {"stream_id":"s1","lease":{"ttl_seconds":45},"new_field":{"x":1},
                 "webrtc":{"type":"answer","sdp":"v=0"},
                 "turn_servers":[{"urls":"turn:a:3478","username":"u","credential":"c"},
                                 {"urls":["turn:b","turns:b"],"username":"u","credential":"c"}]}""",
                StreamCreated.class);
        KeepaliveResponse keepalive = Json.read("{\"stream_id\":\"s1\",\"ttl_seconds\":45}", KeepaliveResponse.class);

        assertThat(created.ttlSeconds()).isEqualTo(45);
        assertThat(created.livekit()).isNull();
        assertThat(created.turnServers()).extracting(TurnServer::urls)
                .containsExactly(java.util.List.of("turn:a:3478"), java.util.List.of("turn:b", "turns:b"));
        assertThat(keepalive.livekitToken()).isNull();
        assertThat(keepalive.creditsRemainingCents()).isNull();
        assertThat(Json.read("{}", StreamCreated.class).ttlSeconds()).isZero();
        assertThat(Json.read("{\"status\":\"ok\"}", Status.class).status()).isEqualTo("ok");
    }

    @Test
    void recordsMaskSecretsWhenPrinted() {
        String token = "lk-secret-token";
        assertThat(new LiveKitInfo("wss://x", token)).asString().doesNotContain(token).contains("wss://x");
        assertThat(new KeepaliveResponse("ok", "s", 4, null, null, null, null, token)).asString()
                .doesNotContain(token);
        assertThat(new TurnServer(java.util.List.of("turn:x"), "user", token)).asString().doesNotContain(token);
        assertThat(Source.liveKit("wss://x", token)).asString().doesNotContain(token);
        assertThat(Source.webRtc("v=0 ice-pwd:" + token)).asString().doesNotContain(token);
        assertThat(OvershootClient.builder().apiKey(token)).asString().doesNotContain(token);
        assertThat(OvershootClient.builder().apiKey(token).build()).asString().doesNotContain(token);
        assertThat(Transport.userManaged("wss://x", token)).asString().doesNotContain(token);
    }

    @Test
    void resultMessagesAreParsedOrSkippedWhenMalformed() {
        String valid = """
                {"id":"r1","stream_id":"s1","mode":"frame","model_name":"m","prompt":"p","result":"{\\"a\\":1}",
                 "inference_latency_ms":12.5,"total_latency_ms":20,"ok":true,"error":null,
                 "finish_reason":"stop","model_backend":"overshoot","extra":true}""";

        InferenceResult result = ResultsChannel.parse("s1", valid).orElseThrow();
        assertThat(result.result()).isEqualTo("{\"a\":1}");
        assertThat(result.inferenceLatencyMs()).isEqualTo(12.5);
        assertThat(result.finishReason()).isEqualTo("stop");
        assertThat(ResultsChannel.parse("s1", "not json")).isEmpty();
        assertThat(ResultsChannel.parse("s1", valid.replace("\"id\":\"r1\",", ""))).isEmpty();
        assertThat(ResultsChannel.parse("s1", valid.replace("\"result\":\"{\\\"a\\\":1}\"", "\"result\":{\"a\":1}")))
                .isEmpty();
        assertThat(ResultsChannel.parse("s1", "[1,2]")).isEmpty();
    }

    @Test
    void onlyTheDocumentedCloseReasonEndsTheStream() {
        assertThat(ResultsChannel.isStreamEnd("stream ended: lease_expired")).isTrue();
        assertThat(ResultsChannel.endReason("stream ended: lease_expired")).isEqualTo("lease_expired");
        assertThat(ResultsChannel.isStreamEnd("Server shutting down")).isFalse();
        assertThat(ResultsChannel.isStreamEnd("maintenance")).isFalse();
        assertThat(ResultsChannel.isStreamEnd("stream ended: ")).isFalse();
        assertThat(ResultsChannel.isStreamEnd(null)).isFalse();
    }

    @Test
    void reconnectBackoffDoublesUpToTheCapWithJitterAndNeverGivesUpByDefault() {
        ReconnectPolicy policy = ReconnectPolicy.defaults();

        assertThat(java.util.stream.IntStream.range(0, 7).mapToObj(policy::nominalDelay))
                .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
                        Duration.ofSeconds(8), Duration.ofSeconds(16), Duration.ofSeconds(30), Duration.ofSeconds(30));
        assertThat(policy.nominalDelay(1000)).isEqualTo(Duration.ofSeconds(30));
        assertThat(policy.exhausted(Integer.MAX_VALUE)).isFalse();
        for (int i = 0; i < 200; i++) {
            assertThat(policy.delayBefore(3)).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(8));
        }
        assertThat(new ReconnectPolicy(Duration.ofSeconds(1), Duration.ofSeconds(10), 5).exhausted(5)).isTrue();
    }

    @Test
    void validationDetailsInEitherShapeNameTheFields() throws Exception {
        JsonNode overshoot = Json.tree("[{\"field\":\"processing.interval_seconds\",\"message\":\"too small\"}]");
        JsonNode fastApi = Json.tree("[{\"loc\":[\"body\",\"prompt\"],\"msg\":\"required\",\"type\":\"missing\"}]");

        assertThat(ValidationException.fieldErrors(overshoot)).containsEntry("processing.interval_seconds", "too small");
        assertThat(ValidationException.fieldErrors(fastApi)).containsEntry("body.prompt", "required");
        assertThat(ValidationException.fieldErrors(Json.tree("{\"x\":1}"))).isEmpty();
    }
}
