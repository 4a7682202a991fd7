package dev.camelovershoot.testinfra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelovershoot.testinfra.frames.TestImages;
import dev.camelovershoot.testinfra.inference.InferenceOutput;
import dev.camelovershoot.testinfra.inference.ScriptedBackend;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ResultSocketTest {

    @RegisterExtension
    static final OvershootEmulatorExtension EMULATOR = OvershootEmulatorExtension.create(b -> b
            .apiKeys("ovs_a", "ovs_b").backend(new ScriptedBackend()).streamLimitPerKey(100));

    private final OvershootEmulator emulator = EMULATOR.emulator();
    private final ScriptedBackend scripted = emulator.scripted();
    private final Api api = new Api(emulator);

    @AfterEach
    void endStreamsAndDrainScript() {
        Api.endAll(emulator);
        while (scripted.pending() > 0) {
            scripted.infer(null);
        }
    }

    @Test
    void wrongOrMissingKeyClosesWith1008() {
        String id = api.createStream(Api.frameStream(0.1));

        for (String hello : new String[] {"{\"api_key\":\"ovs_wrong\"}", "hello", "{\"key\":\"ovs_a\"}",
                "{\"api_key\":\"ovs_b\"}"}) {
            ResultsClient.Closed closed = ResultsClient.connect(emulator, id).send(hello).awaitClose();
            assertThat(closed).as(hello).isEqualTo(new ResultsClient.Closed(1008, "invalid api key"));
        }
    }

    @Test
    void unknownStreamClosesWith1008AndEndedStreamWith1001() {
        ResultsClient.Closed unknown = ResultsClient.connect(emulator, "no-such-stream")
                .send("{\"api_key\":\"ovs_a\"}").awaitClose();
        assertThat(unknown).isEqualTo(new ResultsClient.Closed(1008, "stream not found"));

        String id = api.createStream(Api.frameStream(0.1));
        api.delete("/streams/" + id);
        ResultsClient.Closed ended = ResultsClient.connect(emulator, id).send("{\"api_key\":\"ovs_a\"}").awaitClose();
        assertThat(ended).isEqualTo(new ResultsClient.Closed(1001, "stream ended: client_requested"));
    }

    @Test
    void deleteClosesOpenSocketsWith1001() {
        String id = api.createStream(Api.frameStream(0.1));
        ResultsClient socket = ResultsClient.attach(emulator, id);

        api.delete("/streams/" + id);

        assertThat(socket.awaitClose()).isEqualTo(new ResultsClient.Closed(1001, "stream ended: client_requested"));
        assertThat(emulator.stream(id).orElseThrow().resultSockets()).isZero();
    }

    @Test
    void resultsCarryEveryFieldOfTheResultMessage() {
        String id = api.createStream(Api.json("{'mode':'frame','processing':{'interval_seconds':0.1},"
                + "'inference':{'prompt':'Count people','model':'Qwen/Qwen3.5-9B','backend':'gemini'}}"));
        ResultsClient socket = ResultsClient.attach(emulator, id);
        scripted.enqueue("two people");

        emulator.injectFrame(id, TestImages.solid(64, 48, "red"));

        JsonNode result = socket.nextResult();
        assertThat(result.fieldNames()).toIterable().containsExactlyInAnyOrder("id", "stream_id", "mode",
                "model_name", "prompt", "result", "inference_latency_ms", "total_latency_ms", "ok", "error",
                "finish_reason", "model_backend");
        assertThat(result.get("id").asText()).startsWith("res_");
        assertThat(result.get("stream_id").asText()).isEqualTo(id);
        assertThat(result.get("mode").asText()).isEqualTo("frame");
        assertThat(result.get("model_name").asText()).isEqualTo("Qwen/Qwen3.5-9B");
        assertThat(result.get("prompt").asText()).isEqualTo("Count people");
        assertThat(result.get("result").asText()).isEqualTo("two people");
        assertThat(result.get("ok").asBoolean()).isTrue();
        assertThat(result.get("error").isNull()).isTrue();
        assertThat(result.get("finish_reason").asText()).isEqualTo("stop");
        assertThat(result.get("model_backend").asText()).isEqualTo("gemini");
        assertThat(result.get("inference_latency_ms").isNumber()).isTrue();
        assertThat(result.get("inference_latency_ms").asDouble()).isNotNegative();
        assertThat(result.get("total_latency_ms").asDouble())
                .isGreaterThanOrEqualTo(result.get("inference_latency_ms").asDouble());
        assertThat(emulator.stream(id).orElseThrow().resultsSent()).isEqualTo(1);
    }

    @Test
    void failuresAndTruncationAreReportedInTheResult() {
        String id = api.createStream(Api.json("{'mode':'frame','processing':{'interval_seconds':0.1},"
                + "'inference':{'prompt':'p','model':'Qwen/Qwen3.5-9B','max_output_tokens':1}}"));
        ResultsClient socket = ResultsClient.attach(emulator, id);
        scripted.enqueue(InferenceOutput.failure("model timeout")).enqueue("a long answer");

        emulator.injectFrame(id, TestImages.solid(64, 48, "red"));

        JsonNode failed = socket.nextResult();
        assertThat(failed.get("ok").asBoolean()).isFalse();
        assertThat(failed.get("error").asText()).isEqualTo("model timeout");
        assertThat(failed.get("result").asText()).isEmpty();
        JsonNode truncated = socket.nextResult();
        assertThat(truncated.get("result").asText()).isEqualTo("a lo");
        assertThat(truncated.get("finish_reason").asText()).isEqualTo("length");
    }

    @Test
    void everySocketOfTheStreamReceivesEveryResult() {
        String id = api.createStream(Api.frameStream(0.1));
        ResultsClient first = ResultsClient.attach(emulator, id);
        ResultsClient second = ResultsClient.attach(emulator, id);
        scripted.enqueue("shared");

        emulator.injectFrame(id, TestImages.solid(64, 48, "red"));

        assertThat(first.nextResult().get("id")).isEqualTo(second.nextResult().get("id"));
        assertThat(emulator.stream(id).orElseThrow().resultSockets()).isEqualTo(2);
    }

    @Test
    void resultsAfterAPromptUpdateCarryTheNewPrompt() {
        String id = api.createStream(Api.frameStream(0.1));
        ResultsClient socket = ResultsClient.attach(emulator, id);

        Api.Reply patched = api.patch("/streams/" + id + "/config/prompt", "{\"prompt\":\"Read the sign\"}");
        scripted.enqueue("STOP");
        emulator.injectFrame(id, TestImages.solid(64, 48, "red"));

        assertThat(patched.status()).isEqualTo(200);
        assertThat(socket.nextResult().get("prompt").asText()).isEqualTo("Read the sign");
    }

    @Test
    void resultsComputedWhileNoSocketIsOpenAreNotDeliveredLater() {
        String id = api.createStream(Api.frameStream(0.1));
        scripted.enqueue("missed");
        emulator.injectFrame(id, TestImages.solid(64, 48, "red"));
        await().atMost(Duration.ofSeconds(5)).until(() -> scripted.pending() == 0);

        ResultsClient socket = ResultsClient.attach(emulator, id);
        scripted.enqueue("seen");

        assertThat(socket.nextResult().get("result").asText()).isEqualTo("seen");
        assertThat(emulator.stream(id).orElseThrow().resultsSent()).isEqualTo(1);
    }

    @Test
    void noFramesNoResults() {
        String id = api.createStream(Api.frameStream(0.1));
        ResultsClient socket = ResultsClient.attach(emulator, id);
        scripted.enqueue("never");

        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> scripted.pending() == 1);
        assertThat(socket.pending()).isZero();
        assertThat(api.keepalive(id).get("state").asText()).isEqualTo("pending");
    }
}
