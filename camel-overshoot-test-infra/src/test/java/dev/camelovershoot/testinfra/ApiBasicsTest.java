package dev.camelovershoot.testinfra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.awt.image.BufferedImage;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(OvershootEmulatorExtension.class)
class ApiBasicsTest {

    @Test
    void modelsAreABareArrayOfTheConfiguredModels(OvershootEmulator emulator) {
        Api.Reply reply = new Api(emulator).get("/models");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().toString()).isEqualTo("["
                + "{\"model\":\"Qwen/Qwen3.5-9B\",\"ready\":true,\"status\":\"ready\"},"
                + "{\"model\":\"Qwen/Qwen3-VL-8B-Instruct\",\"ready\":true,\"status\":\"ready\"},"
                + "{\"model\":\"Qwen/Qwen3-VL-30B-A3B-Instruct\",\"ready\":true,\"status\":\"ready\"},"
                + "{\"model\":\"OpenGVLab/InternVL3_5-30B-A3B\",\"ready\":true,\"status\":\"degraded\"},"
                + "{\"model\":\"Qwen/Qwen3.6-35B-A3B-FP8\",\"ready\":false,\"status\":\"saturated\"}]");
        assertThat(new Api(emulator).as(null).get("/models").status()).isEqualTo(401);
    }

    @Test
    void healthNeedsNoKey(OvershootEmulator emulator) {
        Api.Reply reply = new Api(emulator).as(null).get("/healthz");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().toString()).isEqualTo("{\"status\":\"ok\"}");
        assertThat(reply.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
    }

    @Test
    void aRequestJettyRefusesGetsAJsonErrorAndTheNextRequestOnTheClientWorks(OvershootEmulator emulator) {
        Api api = new Api(emulator);

        Api.Reply refused = api.send("PUT", "/streams/%00", "{}");
        Api.Reply next = api.get("/healthz");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().fieldNames()).toIterable()
                .containsExactlyInAnyOrder("error", "request_id", "details");
        assertThat(refused.get("error").asText()).isEqualTo("bad_request");
        assertThat(refused.headers().firstValue("Connection")).hasValue("close");
        assertThat(next.status()).isEqualTo(200);
    }

    @Test
    void deleteAnswersAJsonBody(OvershootEmulator emulator) {
        Api api = new Api(emulator);
        String id = api.createStream(Api.frameStream(1));

        Api.Reply reply = api.delete("/streams/" + id);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().toString()).isEqualTo("{\"status\":\"ok\"}");
    }

    @Test
    void deletingAClosedStreamAgainIs204WithoutABody(OvershootEmulator emulator) {
        // The v0.2 OpenAPI: "204 if it was already closed"; unknown or foreign streams stay 404.
        Api api = new Api(emulator);
        String id = api.createStream(Api.frameStream(1));
        api.delete("/streams/" + id);

        Api.Reply again = api.delete("/streams/" + id);

        assertThat(again.status()).isEqualTo(204);
        assertThat(again.rawBody()).isEmpty();
        assertThat(again.requestId()).startsWith("req_");
        assertThat(api.delete("/streams/no-such-stream").status()).isEqualTo(404);
    }

    @Test
    void promptUpdateAnswersTheStreamConfig(OvershootEmulator emulator) {
        Api api = new Api(emulator);
        String id = api.createStream(Api.json("{'processing':{'interval_seconds':1},'inference':{'prompt':'a',"
                + "'model':'Qwen/Qwen3.5-9B','output_schema_json':{'type':'object'}}}"));

        Api.Reply reply = api.patch("/streams/" + id + "/config/prompt", "{\"prompt\":\"b\"}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.get("id").asText()).startsWith("cfg_");
        assertThat(reply.get("stream_id").asText()).isEqualTo(id);
        assertThat(reply.get("prompt").asText()).isEqualTo("b");
        assertThat(reply.get("backend").asText()).isEqualTo("overshoot");
        assertThat(reply.get("model").asText()).isEqualTo("Qwen/Qwen3.5-9B");
        assertThat(reply.get("output_schema_json").toString()).isEqualTo("{\"type\":\"object\"}");
        assertThat(Instant.parse(reply.get("updated_at").asText()))
                .isAfterOrEqualTo(Instant.parse(reply.get("created_at").asText()));
        assertThat(emulator.stream(id).orElseThrow().prompt()).isEqualTo("b");
        for (String bad : List.of("{\"prompt\":\"\"}", "{}", "{\"prompt\":7}", "[]", "{\"prompt\":\"c\",\"model\":\"m\"}")) {
            Api.Reply rejected = api.patch("/streams/" + id + "/config/prompt", bad);
            assertThat(rejected.status()).as(bad).isEqualTo(422);
            assertThat(rejected.get("details").get(0).get("field").asText()).isIn("prompt", "body", "model");
        }
        assertThat(api.patch("/streams/unknown/config/prompt", "{\"prompt\":\"b\"}").status()).isEqualTo(404);
        api.delete("/streams/" + id);
    }

    @Test
    void everyRequestIsRecordedRelativeToTheBasePath(OvershootEmulator emulator) {
        Api api = new Api(emulator);
        String id = api.createStream(Api.frameStream(1));
        api.keepalive(id);
        ResultsClient.attach(emulator, id).close();
        api.delete("/streams/" + id);

        assertThat(emulator.requests()).containsSubsequence(
                new RecordedRequest("POST", "/streams", 201),
                new RecordedRequest("POST", "/streams/" + id + "/keepalive", 200),
                new RecordedRequest("GET", "/ws/streams/" + id, 101),
                new RecordedRequest("DELETE", "/streams/" + id, 200));
    }

    @Test
    void theBasePathIsConfigurable() {
        try (OvershootEmulator emulator = OvershootEmulator.builder().basePath("/api/v0.2/").build().start()) {
            assertThat(emulator.baseUrl()).isEqualTo("http://127.0.0.1:" + emulator.port() + "/api/v0.2");
            Api api = new Api(emulator);
            String id = api.createStream(Api.frameStream(1));
            assertThat(api.keepalive(id).status()).isEqualTo(200);
            ResultsClient.attach(emulator, id).close();
        }
    }

    @Test
    void invalidSettingsAreRejected() {
        OvershootEmulator.Builder builder = OvershootEmulator.builder().leaseTtlSeconds(0);
        assertThatIllegalArgumentException().isThrownBy(builder::build);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ModelEntry("m", "loaded"));
        try (OvershootEmulator describe = OvershootEmulator.builder().build()) {
            assertThatIllegalStateException().isThrownBy(describe::scripted);
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> describe.injectFrame("unknown", new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB)));
        }
    }
}
