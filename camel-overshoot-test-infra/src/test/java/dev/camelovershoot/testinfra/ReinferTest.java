package dev.camelovershoot.testinfra;

import static dev.camelovershoot.testinfra.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.camelovershoot.testinfra.frames.TestImages;
import dev.camelovershoot.testinfra.inference.InferenceOutput;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ReinferTest {

    /** Answers with what it was asked, so that re-inference is observable. */
    @RegisterExtension
    static final OvershootEmulatorExtension EMULATOR = OvershootEmulatorExtension.create(b -> b
            .apiKeys("ovs_a", "ovs_b").clipPersistDelay(Duration.ofMillis(300))
            .backend(request -> InferenceOutput.success(request.prompt() + "|" + request.frames().size() + "|"
                    + (request.outputSchema() == null ? "text" : "schema"))));

    private final OvershootEmulator emulator = EMULATOR.emulator();
    private final Api api = new Api(emulator);

    @AfterEach
    void endStreams() {
        Api.endAll(emulator);
    }

    @Test
    void reRunsInferenceOnTheFramesBehindAResultOncePersisted() {
        String resultId = aResult();
        String body = json("{'result_id':'" + resultId + "','prompt':'Any dogs?','model':'Qwen/Qwen3-VL-8B-Instruct',"
                + "'temperature':0.2,'output_schema':{'type':'object'}}");

        Api.Reply early = api.post("/chat/completions/clip", body);
        assertThat(early.status()).isEqualTo(404);
        assertThat(early.get("error").asText()).isEqualTo("clip_not_found");

        await().atMost(Duration.ofSeconds(3)).until(() -> api.post("/chat/completions/clip", body).status() == 200);
        Api.Reply reply = api.post("/chat/completions/clip", body);
        assertThat(reply.body().fieldNames()).toIterable()
                .containsExactlyInAnyOrder("id", "model", "content", "finish_reason", "usage");
        assertThat(reply.get("id").asText()).startsWith("chatcmpl_");
        assertThat(reply.get("model").asText()).isEqualTo("Qwen/Qwen3-VL-8B-Instruct");
        assertThat(reply.get("content").asText()).isEqualTo("Any dogs?|1|schema");
        assertThat(reply.get("finish_reason").asText()).isEqualTo("stop");
        assertThat(reply.get("usage").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("prompt_tokens", "completion_tokens", "total_tokens");
        int prompt = reply.get("usage").get("prompt_tokens").asInt();
        int completion = reply.get("usage").get("completion_tokens").asInt();
        assertThat(prompt).isPositive();
        assertThat(completion).isPositive();
        assertThat(reply.get("usage").get("total_tokens").asInt()).isEqualTo(prompt + completion);
    }

    @Test
    void maxTokensTruncatesTheAnswer() {
        String resultId = aResult();
        String body = json("{'result_id':'" + resultId + "','prompt':'Describe','model':'Qwen/Qwen3.5-9B',"
                + "'max_tokens':1}");

        await().atMost(Duration.ofSeconds(3)).until(() -> api.post("/chat/completions/clip", body).status() == 200);

        Api.Reply reply = api.post("/chat/completions/clip", body);
        assertThat(reply.get("content").asText()).isEqualTo("Desc");
        assertThat(reply.get("finish_reason").asText()).isEqualTo("length");
    }

    @Test
    void unknownAndForeignResultsAre404() {
        String resultId = aResult();
        String body = json("{'result_id':'" + resultId + "','prompt':'p','model':'Qwen/Qwen3.5-9B'}");
        await().atMost(Duration.ofSeconds(3)).until(() -> api.post("/chat/completions/clip", body).status() == 200);

        assertThat(api.as("ovs_b").post("/chat/completions/clip", body).status()).isEqualTo(404);
        assertThat(api.post("/chat/completions/clip", body.replace(resultId, "res_unknown")).status())
                .isEqualTo(404);
    }

    @Test
    void invalidRequestsAre422NamingTheFields() {
        Api.Reply reply = api.post("/chat/completions/clip", json("{'prompt':'','model':'nope','max_tokens':0,"
                + "'output_schema':'x'}"));

        assertThat(reply.status()).isEqualTo(422);
        List<String> fields = new ArrayList<>();
        reply.get("details").forEach(d -> fields.add(d.get("field").asText()));
        assertThat(fields).containsExactlyInAnyOrder("result_id", "prompt", "model", "max_tokens", "output_schema");
        assertThat(api.as(null).post("/chat/completions/clip", "{}").status()).isEqualTo(401);
    }

    private String aResult() {
        String id = api.createStream(Api.frameStream(0.2));
        ResultsClient socket = ResultsClient.attach(emulator, id);
        emulator.injectFrame(id, TestImages.solid(64, 48, "green"));
        String resultId = socket.nextResult().get("id").asText();
        socket.close();
        return resultId;
    }
}
