package dev.camelovershoot.testinfra;

import static dev.camelovershoot.testinfra.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CreateStreamTest {

    @RegisterExtension
    static final OvershootEmulatorExtension EMULATOR =
            OvershootEmulatorExtension.create(b -> b.streamLimitPerKey(1_000));

    private static final String CLIP = "{'target_fps':6,'clip_length_seconds':0.5,'delay_seconds':0.5}";

    private final Api api = new Api(EMULATOR.emulator());

    @Test
    void nativeStreamAnswers201WithLeaseAndLiveKitConnection() {
        Api.Reply reply = api.create(Api.frameStream(0.5));

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.body().fieldNames()).toIterable()
                .containsExactlyInAnyOrder("stream_id", "lease", "livekit", "webrtc", "turn_servers");
        assertThat(reply.get("lease").toString()).isEqualTo("{\"ttl_seconds\":45}");
        assertThat(reply.get("livekit").fieldNames()).toIterable().containsExactlyInAnyOrder("url", "token");
        assertThat(reply.get("livekit").get("url").asText())
                .isEqualTo("ws://127.0.0.1:" + EMULATOR.emulator().port() + "/livekit");
        assertThat(reply.get("livekit").get("token").asText()).isNotBlank();
        assertThat(reply.get("webrtc").isNull()).isTrue();
        assertThat(reply.get("turn_servers").isNull()).isTrue();
        assertThat(reply.requestId()).startsWith("req_");
        assertThat(reply.get("stream_id").asText()).matches("[0-9a-f-]{36}");
    }

    @Test
    void explicitNativeSourceIsTheDefault() {
        String id = api.createStream(json("{'source':{'type':'native'},'processing':{'interval_seconds':1},"
                + "'inference':{'prompt':'p','model':'Qwen/Qwen3.5-9B'}}"));

        assertThat(EMULATOR.emulator().stream(id).orElseThrow().sourceType()).isEqualTo("native");
    }

    @Test
    void webrtcSourceGetsAnAnswerAndTurnServers() {
        Api.Reply reply = api.create(json("{'source':{'type':'webrtc','sdp':" + TestOffers.videoJson() + "},"
                + "'mode':'clip','processing':" + CLIP + ",'inference':{'prompt':'p','model':'Qwen/Qwen3.5-9B'}}"));

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.get("webrtc").fieldNames()).toIterable().containsExactlyInAnyOrder("type", "sdp");
        assertThat(reply.get("webrtc").get("type").asText()).isEqualTo("answer");
        assertThat(reply.get("webrtc").get("sdp").asText()).startsWith("v=0").contains("m=video").contains("a=recvonly");
        assertThat(reply.get("turn_servers").isArray()).isTrue();
        assertThat(reply.get("livekit").isNull()).isTrue();
    }

    @Test
    void userManagedLiveKitSourceGetsNoConnectionObjects() {
        Api.Reply reply = api.create(json("{'source':" + Api.userRoomSource(EMULATOR.emulator(), "user-room") + ","
                + "'processing':{'interval_seconds':1},'inference':{'prompt':'p','model':'Qwen/Qwen3.5-9B'}}"));

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.get("livekit").isNull()).isTrue();
        assertThat(reply.get("webrtc").isNull()).isTrue();
        assertThat(reply.get("turn_servers").isNull()).isTrue();
        String id = reply.get("stream_id").asText();
        assertThat(EMULATOR.emulator().stream(id).orElseThrow().sourceType()).isEqualTo("livekit");
    }

    @Test
    void userManagedLiveKitMustBeTheEmulatorsOwnEndpointWithAValidToken() {
        Api.Reply foreign = api.create(json("{'source':{'type':'livekit','url':'wss://lk.example.com','token':'t'},"
                + "'processing':{'interval_seconds':1},'inference':{'prompt':'p','model':'Qwen/Qwen3.5-9B'}}"));
        Api.Reply badToken = api.create(json("{'source':{'type':'livekit','url':'" + EMULATOR.emulator().liveKitUrl()
                + "','token':'t'},'processing':{'interval_seconds':1},"
                + "'inference':{'prompt':'p','model':'Qwen/Qwen3.5-9B'}}"));

        assertThat(foreign.status()).isEqualTo(422);
        assertThat(foreign.body().toString()).contains("source.url").contains("its own LiveKit endpoint");
        assertThat(badToken.status()).isEqualTo(422);
        assertThat(badToken.body().toString()).contains("source.token");
    }

    @Test
    void withoutModeIntervalMeansFrameAndOtherwiseClip() {
        String frame = api.createStream(json("{'processing':{'interval_seconds':1},"
                + "'inference':{'prompt':'p','model':'Qwen/Qwen3.5-9B'}}"));
        String clip = api.createStream(json("{'processing':{'target_fps':10,'clip_length_seconds':1,'delay_seconds':1},"
                + "'inference':{'prompt':'p','model':'Qwen/Qwen3.5-9B'}}"));

        assertThat(EMULATOR.emulator().stream(frame).orElseThrow().mode()).isEqualTo("frame");
        assertThat(EMULATOR.emulator().stream(clip).orElseThrow().mode()).isEqualTo("clip");
        api.delete("/streams/" + frame);
        api.delete("/streams/" + clip);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{'processing':{'clip_length_seconds':0.5,'delay_seconds':0.5},"
                    + "'inference':{'prompt':'p','model':'Qwen/Qwen3.5-9B'}}",
            "{'mode':'clip','processing':{'target_fps':6,'clip_length_seconds':0.5,'delay_seconds':0},"
                    + "'inference':{'prompt':'p','model':'Qwen/Qwen3.5-9B','max_output_tokens':64}}",
            "{'mode':'clip','processing':{'target_fps':30,'clip_length_seconds':0.1,'delay_seconds':60},"
                    + "'inference':{'prompt':'p','model':'Qwen/Qwen3.5-9B'}}",
            "{'mode':'clip','processing':{'fps':30,'sampling_ratio':0.2,'clip_length_seconds':0.5,'delay_seconds':1},"
                    + "'inference':{'prompt':'p','model':'Qwen/Qwen3.5-9B'}}",
            "{'mode':'clip','processing':{'fps':240,'sampling_ratio':0.1,'clip_length_seconds':1,'delay_seconds':3600},"
                    + "'inference':{'prompt':'p','model':'Qwen/Qwen3.5-9B'}}",
            "{'mode':'clip','processing':{'target_fps':1,'clip_length_seconds':3,'delay_seconds':1},"
                    + "'inference':{'prompt':'p','model':'Qwen/Qwen3.5-9B','backend':'gemini'}}",
            "{'mode':'frame','processing':{'interval_seconds':2.0},"
                    + "'inference':{'prompt':'p','model':'Qwen/Qwen3.5-9B','max_output_tokens':256}}",
            "{'mode':'frame','processing':{'interval_seconds':0.1},'inference':{'prompt':'p',"
                    + "'model':'OpenGVLab/InternVL3_5-30B-A3B','output_schema_json':{'type':'object'}}}",
            "{'processing':{'interval_seconds':60},'inference':{'prompt':'p','model':'Qwen/Qwen3.5-9B'},"
                    + "'client':{'request_id':'x'},'unknown':1}",
    })
    void acceptsTheEdgesOfEveryRange(String body) {
        Api.Reply reply = api.create(json(body));

        assertThat(reply.status()).as(reply.rawBody()).isEqualTo(201);
        api.delete("/streams/" + reply.get("stream_id").asText());
    }

    static Stream<Arguments> invalidBodies() {
        return Stream.of(
                invalid("{'mode':'video','processing':{'interval_seconds':1},'inference':{'prompt':'p','model':'Qwen/Qwen3.5-9B'}}",
                        "mode"),
                invalid("{'inference':{'prompt':'p','model':'Qwen/Qwen3.5-9B'}}", "processing"),
                invalid("{'processing':[],'inference':{'prompt':'p','model':'Qwen/Qwen3.5-9B'}}", "processing"),
                invalid("{'processing':{'interval_seconds':1}}", "inference"),
                invalid("[1,2]", "body"),
                clip("{'target_fps':0}", "processing.target_fps"),
                clip("{'target_fps':31}", "processing.target_fps"),
                clip("{'target_fps':6.5}", "processing.target_fps"),
                clip("{'target_fps':'6'}", "processing.target_fps"),
                clip("{'target_fps':30,'clip_length_seconds':0.05}", "processing.clip_length_seconds"),
                clip("{'clip_length_seconds':61}", "processing.clip_length_seconds"),
                clip("{'delay_seconds':-0.1}", "processing.delay_seconds"),
                invalid("{'mode':'clip','processing':{'target_fps':6},'inference':{'prompt':'p','model':'Qwen/Qwen3.5-9B'}}",
                        "processing.clip_length_seconds", "processing.delay_seconds"),
                invalid("{'processing':{},'inference':{'prompt':'p','model':'Qwen/Qwen3.5-9B'}}",
                        "processing.clip_length_seconds", "processing.delay_seconds"),
                invalid("{'mode':'frame','processing':{},'inference':{'prompt':'p','model':'Qwen/Qwen3.5-9B'}}",
                        "processing.interval_seconds"),
                clip("{'fps':0,'sampling_ratio':0.5}", "processing.fps"),
                clip("{'fps':29.5,'sampling_ratio':0.5}", "processing.fps"),
                clip("{'fps':30,'sampling_ratio':1.5}", "processing.sampling_ratio"),
                clip("{'fps':30,'sampling_ratio':0.05}", "processing.sampling_ratio"),
                clip("{'fps':30}", "processing.sampling_ratio"),
                clip("{'sampling_ratio':0.5}", "processing.fps"),
                clip("{'target_fps':6,'fps':30,'sampling_ratio':0.5}", "processing.target_fps"),
                clip("{'fps':1,'sampling_ratio':0.5}", "processing.sampling_ratio"),
                clip("{'target_fps':5}", "processing.target_fps", "processing.clip_length_seconds"),
                clip("{'fps':10,'sampling_ratio':0.5,'clip_length_seconds':0.5}", "processing.fps",
                        "processing.clip_length_seconds"),
                clip("{'target_fps':2,'clip_length_seconds':1}", "processing.target_fps",
                        "processing.clip_length_seconds"),
                clip("{'interval_seconds':1}", "processing.interval_seconds"),
                invalid("{'mode':'frame','processing':{'interval_seconds':1,'target_fps':6,'delay_seconds':1},"
                        + "'inference':{'prompt':'p','model':'Qwen/Qwen3.5-9B'}}",
                        "processing.target_fps", "processing.delay_seconds"),
                frame("{'interval_seconds':0.05}", "processing.interval_seconds"),
                frame("{'interval_seconds':61}", "processing.interval_seconds"),
                frame("{'interval_seconds':'1'}", "processing.interval_seconds"),
                inference("{'model':'Qwen/Qwen3.5-9B'}", "inference.prompt"),
                inference("{'prompt':'','model':'Qwen/Qwen3.5-9B'}", "inference.prompt"),
                inference("{'prompt':'  ','model':'Qwen/Qwen3.5-9B'}", "inference.prompt"),
                inference("{'prompt':5,'model':'Qwen/Qwen3.5-9B'}", "inference.prompt"),
                inference("{'prompt':'p'}", "inference.model"),
                inference("{'prompt':'p','model':'gpt-4o'}", "inference.model"),
                inference("{'prompt':'p','model':'Qwen/Qwen3.5-9B','backend':'openai'}", "inference.backend"),
                inference("{'prompt':'p','model':'Qwen/Qwen3.5-9B','output_schema_json':'{}'}",
                        "inference.output_schema_json"),
                inference("{'prompt':'p','model':'Qwen/Qwen3.5-9B','max_output_tokens':0}",
                        "inference.max_output_tokens"),
                inference("{'prompt':'p','model':'Qwen/Qwen3.5-9B','max_output_tokens':1.5}",
                        "inference.max_output_tokens"),
                // 0.5 s between inferences allows 64 tokens at 128 tokens/s
                inference("{'prompt':'p','model':'Qwen/Qwen3.5-9B','max_output_tokens':65}",
                        "inference.max_output_tokens"),
                withSource("{'type':'rtsp'}", "source.type"),
                withSource("'native'", "source"),
                withSource("{'type':'webrtc'}", "source.sdp"),
                withSource("{'type':'webrtc','sdp':''}", "source.sdp"),
                withSource("{'type':'livekit','url':'https://lk.example.com'}", "source.url", "source.token"),
                withSource("{'type':'livekit','token':'t'}", "source.url"),
                withSource("{'type':'native','url':'x'}", "source.url"),
                withSource("{'type':'webrtc','sdp':'v=0','video':true}", "source.video"),
                clip("{'target_fps':6,'colour':'red'}", "processing.colour"),
                frame("{'interval_seconds':1,'target_fps':6,'extra':1}", "processing.target_fps", "processing.extra"),
                inference("{'prompt':'p','model':'Qwen/Qwen3.5-9B','temperature':0.2}", "inference.temperature"),
                legacyOffer("'webrtc':{'type':'offer','sdp':'v=0'},'source':{'type':'native'}", "webrtc"),
                legacyOffer("'webrtc':{'type':'answer','sdp':'v=0'}", "webrtc.type"),
                legacyOffer("'webrtc':{'type':'offer'}", "webrtc.sdp"),
                legacyOffer("'webrtc':{'sdp':'v=0','ice':[]}", "webrtc.type", "webrtc.ice"),
                legacyOffer("'webrtc':'v=0'", "webrtc"),
                invalid("{'mode':'clip','source':{'type':'webrtc'},'processing':{'target_fps':50},"
                        + "'inference':{'prompt':'','model':'x','max_output_tokens':-1}}",
                        "source.sdp", "processing.target_fps", "processing.clip_length_seconds",
                        "processing.delay_seconds", "inference.prompt", "inference.model",
                        "inference.max_output_tokens"));
    }

    @ParameterizedTest
    @MethodSource("invalidBodies")
    void rejectsWith422NamingEveryOffendingField(String body, List<String> fields) {
        Api.Reply reply = api.create(json(body));

        assertThat(reply.status()).as(reply.rawBody()).isEqualTo(422);
        assertThat(reply.get("error").asText()).isEqualTo("validation_error");
        assertThat(reply.body().fieldNames()).toIterable().containsExactly("error", "request_id", "details");
        assertThat(reply.get("request_id").asText()).isEqualTo(reply.requestId());
        List<String> named = new ArrayList<>();
        reply.get("details").forEach(d -> named.add(d.get("field").asText()));
        assertThat(named).containsExactlyInAnyOrderElementsOf(fields);
        reply.get("details").forEach(d -> assertThat(d.get("message").asText()).isNotBlank());
    }

    @Test
    void malformedJsonIs400() {
        Api.Reply broken = api.create("{\"processing\":");
        Api.Reply empty = api.create("");

        for (Api.Reply reply : List.of(broken, empty)) {
            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.get("error").asText()).isEqualTo("invalid_json");
            assertThat(reply.body().fieldNames()).toIterable()
                    .containsExactlyInAnyOrder("error", "request_id", "details");
        }
    }

    @Test
    void saturatedModelIsRejectedWith503() {
        Api.Reply reply = api.create(json("{'processing':{'interval_seconds':1},"
                + "'inference':{'prompt':'p','model':'" + OvershootEmulator.SATURATED_MODEL + "'}}"));

        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.get("error").asText()).isEqualTo("model_unavailable");
    }

    @Test
    void theBrowserSdksDefaultModelIsReady() {
        // @overshoot/sdk 0.1.0-alpha.2 sends this model when its user picks none.
        Api.Reply reply = api.create(json("{'processing':{'interval_seconds':1},"
                + "'inference':{'prompt':'p','model':'Qwen/Qwen3-VL-30B-A3B-Instruct'}}"));

        assertThat(reply.status()).as(reply.rawBody()).isEqualTo(201);
        api.delete("/streams/" + reply.get("stream_id").asText());
    }

    @Test
    void topLevelWebrtcOfferIsTheLegacyWebrtcSource() {
        // The create body of @overshoot/sdk 0.1.0-alpha.2: no source, the offer at the top, legacy processing.
        Api.Reply reply = api.create(json("{'webrtc':{'type':'offer','sdp':" + TestOffers.videoJson() + "},"
                + "'processing':{'fps':30,'sampling_ratio':0.1,'clip_length_seconds':1,'delay_seconds':1},"
                + "'inference':{'prompt':'p','backend':'overshoot','model':'Qwen/Qwen3-VL-30B-A3B-Instruct'}}"));

        assertThat(reply.status()).as(reply.rawBody()).isEqualTo(201);
        assertThat(reply.get("webrtc").get("type").asText()).isEqualTo("answer");
        assertThat(reply.get("webrtc").get("sdp").asText()).startsWith("v=0").contains("m=video");
        assertThat(reply.get("turn_servers").isArray()).isTrue();
        assertThat(reply.get("livekit").isNull()).isTrue();
        String id = reply.get("stream_id").asText();
        assertThat(EMULATOR.emulator().stream(id).orElseThrow().sourceType()).isEqualTo("webrtc");
        api.delete("/streams/" + id);
    }

    @Test
    void missingOrWrongKeyIs401() {
        for (Api client : List.of(api.as(null), api.as("ovs_wrong"))) {
            Api.Reply reply = client.create(Api.frameStream(1));
            assertThat(reply.status()).isEqualTo(401);
            assertThat(reply.get("error").asText()).isEqualTo("unauthorized");
        }
    }

    @Test
    void unknownPathIs404AndWrongMethodIs405() {
        assertThat(api.get("/nowhere").status()).isEqualTo(404);
        assertThat(api.get("/streams").status()).isEqualTo(405);
        Api.Reply outsideBase = api.send("GET", "/../healthz", null);
        assertThat(outsideBase.status()).isEqualTo(404);
        assertThat(outsideBase.get("error").asText()).isEqualTo("not_found");
    }

    private static Arguments invalid(String body, String... fields) {
        return Arguments.of(body, List.of(fields));
    }

    /** Clip processing; the required clip length and delay are 0.5 s unless given. */
    private static Arguments clip(String processing, String... fields) {
        String withRequired = processing.substring(0, processing.length() - 1)
                + (processing.contains("clip_length_seconds") ? "" : ",'clip_length_seconds':0.5")
                + (processing.contains("delay_seconds") ? "" : ",'delay_seconds':0.5") + "}";
        return invalid("{'mode':'clip','processing':" + withRequired.replace("{,", "{")
                + ",'inference':{'prompt':'p','model':'Qwen/Qwen3.5-9B'}}", fields);
    }

    private static Arguments legacyOffer(String transport, String... fields) {
        return invalid("{" + transport + ",'processing':" + CLIP + ",'inference':{'prompt':'p','model':'Qwen/Qwen3.5-9B'}}",
                fields);
    }

    private static Arguments frame(String processing, String... fields) {
        return invalid("{'mode':'frame','processing':" + processing
                + ",'inference':{'prompt':'p','model':'Qwen/Qwen3.5-9B'}}", fields);
    }

    private static Arguments inference(String inference, String... fields) {
        return invalid("{'processing':{'interval_seconds':0.5},'inference':" + inference + "}", fields);
    }

    private static Arguments withSource(String source, String... fields) {
        return invalid("{'source':" + source + ",'processing':{'interval_seconds':1},"
                + "'inference':{'prompt':'p','model':'Qwen/Qwen3.5-9B'}}", fields);
    }

}
