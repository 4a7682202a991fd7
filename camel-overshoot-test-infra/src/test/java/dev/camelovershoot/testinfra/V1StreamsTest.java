package dev.camelovershoot.testinfra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelovershoot.testinfra.frames.TestImages;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The v1beta stream lifecycle over real HTTP: create, info, keepalive, lease and reaping, delete, viewer tokens. */
class V1StreamsTest {

    private static final List<String> STATUS_FIELDS = List.of("id", "state", "stream_time_ms", "first_frame_at_ms",
            "last_frame_at_ms", "last_frame_index", "first_available_frame_at_ms", "first_available_frame_index",
            "created_at_ms", "recent_fps", "retained_frame_count", "evicted_frame_count", "expires_at_ms",
            "ttl_seconds", "ended_at_ms", "end_reason", "audio", "last_pull");

    private static final Duration V1_PUBLISH_TOKEN_TTL = Duration.ofMinutes(10);

    private static OvershootEmulator emulator;
    private static Api api;

    @BeforeAll
    static void start() {
        emulator = OvershootEmulator.builder().apiKeys("ovs_one", "ovs_two").frameStoreMaxFrames(5).build().start();
        api = Api.v1(emulator);
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void createsAStreamToPublishIntoWithAShortLivedPublishToken() {
        long before = System.currentTimeMillis();
        Api.Reply created = api.post("/streams", "{}");

        assertThat(created.status()).as(created.rawBody()).isEqualTo(201);
        assertThat(created.get("id").asText()).matches("[0-9a-f-]{36}");
        assertThat(created.get("state").asText()).isEqualTo("active");
        assertThat(created.get("ttl_seconds").asInt()).isEqualTo(300);
        assertThat(created.get("expires_at_ms").asLong()).isBetween(before + 299_000, System.currentTimeMillis() + 300_000);
        JsonNode publish = created.get("publish");
        assertThat(publish.get("type").asText()).isEqualTo("livekit");
        assertThat(publish.get("url").asText()).isEqualTo(emulator.liveKitUrl());
        JsonNode video = claims(publish.get("token").asText()).get("video");
        assertThat(video.get("room").asText()).isEqualTo(created.get("id").asText());
        assertThat(video.get("canPublish").asBoolean()).isTrue();
        assertThat(video.get("canSubscribe").asBoolean()).isFalse();
        assertThat(created.headers().firstValue("X-Overshoot-Region")).contains("us-west1");
    }

    @Test
    void answersUnderTheV1AliasAndListsModelsWithoutAKey() {
        Api anonymous = api.as(null);
        for (Api client : List.of(anonymous, anonymous.at(emulator.v1BaseUrl().replace("/v1beta", "/v1")))) {
            Api.Reply models = client.get("/models");
            assertThat(models.status()).isEqualTo(200);
            assertThat(models.get("object").asText()).isEqualTo("list");
            JsonNode first = models.get("data").get(0);
            assertThat(first.get("id").asText()).isEqualTo("Qwen/Qwen3.6-35B-A3B-FP8");
            assertThat(first.get("object").asText()).isEqualTo("model");
            assertThat(first.get("owned_by").asText()).isEqualTo("overshoot");
            assertThat(first.get("status").asText()).isEqualTo("ready");
            assertThat(first.get("created").asLong()).isPositive();
        }
        Api.Reply viaAlias = api.at(emulator.v1BaseUrl().replace("/v1beta", "/v1")).post("/streams", "{}");
        assertThat(viaAlias.status()).isEqualTo(201);
    }

    @Test
    void refusesMissingAndUnknownKeysAndHidesOtherKeysStreams() {
        Api.Reply noKey = api.as(null).post("/streams", "{}");
        assertThat(noKey.status()).isEqualTo(401);
        assertThat(noKey.get("detail").asText()).isEqualTo("Invalid or missing API key");
        assertThat(api.as("ovs_nobody").post("/streams", "{}").status()).isEqualTo(401);

        String id = created();
        Api other = api.as("ovs_two");
        for (Api.Reply reply : List.of(other.get("/streams/" + id), other.post("/streams/" + id + "/keepalive", null),
                other.delete("/streams/" + id), other.post("/streams/" + id + "/viewer-token", "{}"))) {
            assertThat(reply.status()).isEqualTo(404);
            assertThat(reply.get("detail").asText()).isEqualTo("Stream not found");
        }
        assertThat(api.get("/streams/" + id).get("state").asText()).isEqualTo("active");
        assertThat(api.get("/streams/no-such-stream").status()).isEqualTo(404);
        assertThat(api.get("/no-such-endpoint").get("detail").asText()).isEqualTo("Not Found");
    }

    @Test
    void reportsEveryFieldWithLifetimeIndicesTheStreamClockAndEvictions() {
        String id = created();
        JsonNode empty = api.get("/streams/" + id).body();
        assertThat(STATUS_FIELDS).allMatch(empty::has);
        assertThat(empty.get("stream_time_ms").asLong()).isZero();
        assertThat(empty.get("last_frame_index").isNull()).isTrue();
        assertThat(empty.get("end_reason").isNull()).isTrue();
        assertThat(empty.get("audio").asBoolean()).isFalse();

        for (int i = 0; i < 8; i++) {
            emulator.v1().injectFrame(id, TestImages.solid(64, 48, "red"));
        }
        JsonNode status = api.get("/streams/" + id).body();
        assertThat(status.get("last_frame_index").asLong()).isEqualTo(7);
        assertThat(status.get("first_available_frame_index").asLong()).isEqualTo(3);
        assertThat(status.get("retained_frame_count").asInt()).isEqualTo(5);
        assertThat(status.get("evicted_frame_count").asInt()).isEqualTo(3);
        assertThat(status.get("first_frame_at_ms").asLong()).isBetween(status.get("created_at_ms").asLong(),
                status.get("last_frame_at_ms").asLong());
        assertThat(status.get("recent_fps").asDouble()).isPositive();
        assertThat(status.get("last_pull").isNull()).isTrue();
        await().atMost(Duration.ofSeconds(2)).until(() -> api.get("/streams/" + id).get("stream_time_ms").asLong() > 0);
    }

    @Test
    void keepaliveRenewsTheLeaseWithAFreshPublishToken() {
        Api.Reply created = api.post("/streams", "{}");
        String id = created.get("id").asText();
        long firstExpiry = claims(created.get("publish").get("token").asText()).get("exp").asLong();
        // Token expiries count whole seconds: a fresh token is told apart once the clock has moved to the next one.
        await().atMost(Duration.ofSeconds(3)).until(() -> System.currentTimeMillis() / 1000
                > firstExpiry - V1_PUBLISH_TOKEN_TTL.toSeconds());

        Api.Reply renewed = api.post("/streams/" + id + "/keepalive", null);
        assertThat(renewed.status()).isEqualTo(200);
        assertThat(renewed.get("id").asText()).isEqualTo(id);
        assertThat(renewed.get("ttl_seconds").asInt()).isEqualTo(300);
        assertThat(renewed.get("expires_at_ms").asLong()).isGreaterThan(created.get("expires_at_ms").asLong());
        assertThat(renewed.get("stream_time_ms").asLong()).isZero();
        JsonNode fresh = claims(renewed.get("publish").get("token").asText());
        assertThat(fresh.get("exp").asLong()).isGreaterThan(firstExpiry);
        assertThat(fresh.get("video").get("room").asText()).isEqualTo(id);
    }

    @Test
    void deleteIsIdempotentAndTheEndedStreamKeepsItsFinalValues() {
        String id = created();
        emulator.v1().injectFrame(id, TestImages.solid(64, 48, "blue"));

        Api.Reply deleted = api.delete("/streams/" + id);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.body().toString()).isEqualTo("{\"id\":\"" + id + "\",\"deleted\":true}");
        assertThat(api.delete("/streams/" + id).status()).isEqualTo(200);

        JsonNode ended = api.get("/streams/" + id).body();
        assertThat(ended.get("state").asText()).isEqualTo("ended");
        assertThat(ended.get("end_reason").asText()).isEqualTo("deleted");
        assertThat(ended.get("ended_at_ms").asLong()).isPositive();
        assertThat(ended.get("expires_at_ms").isNull()).isTrue();
        assertThat(ended.get("last_frame_index").asLong()).isZero();
        assertThat(emulator.v1().frames(id)).isEmpty();
        assertThat(api.post("/streams/" + id + "/keepalive", null).status()).isEqualTo(404);
        assertThat(api.post("/streams/" + id + "/viewer-token", "{}").status()).isEqualTo(404);
    }

    @Test
    void aStreamWithoutKeepaliveIsReapedWhenItsLeaseLapses() {
        try (OvershootEmulator shortLease = OvershootEmulator.builder().v1LeaseTtl(Duration.ofMillis(700)).build()
                .start()) {
            Api client = Api.v1(shortLease);
            Api.Reply created = client.post("/streams", "{}");
            assertThat(created.get("ttl_seconds").asInt()).isEqualTo(1);
            String id = created.get("id").asText();

            await().atMost(Duration.ofSeconds(5)).until(() -> client.get("/streams/" + id).get("state").asText()
                    .equals("ended"));
            JsonNode reaped = client.get("/streams/" + id).body();
            assertThat(reaped.get("end_reason").asText()).isEqualTo("reaped");
            assertThat(client.post("/streams/" + id + "/keepalive", null).status()).isEqualTo(404);
        }
    }

    @Test
    void reapsOnRequestAsAFaultAndGivesSubscribeOnlyViewerTokens() {
        String id = created();
        Api.Reply viewer = api.post("/streams/" + id + "/viewer-token", "{}");
        assertThat(viewer.status()).isEqualTo(200);
        JsonNode view = viewer.get("view");
        assertThat(view.get("url").asText()).isEqualTo(emulator.liveKitUrl());
        assertThat(view.get("expires_in_seconds").asInt()).isEqualTo(300);
        JsonNode grants = claims(view.get("token").asText()).get("video");
        assertThat(grants.get("room").asText()).isEqualTo(id);
        assertThat(grants.get("canSubscribe").asBoolean()).isTrue();
        assertThat(grants.get("canPublish").asBoolean()).isFalse();

        emulator.v1().reap(id);
        assertThat(api.get("/streams/" + id).get("end_reason").asText()).isEqualTo("reaped");
    }

    @Test
    void failsAndDelaysKeepalivesAndCreatesOnRequest() {
        String id = created();
        long expiry = api.get("/streams/" + id).get("expires_at_ms").asLong();
        emulator.v1().failNextKeepalives(1, 503);
        Api.Reply failed = api.post("/streams/" + id + "/keepalive", null);
        assertThat(failed.status()).isEqualTo(503);
        assertThat(failed.get("detail").isTextual()).isTrue();
        assertThat(api.get("/streams/" + id).get("expires_at_ms").asLong()).isEqualTo(expiry);

        emulator.v1().delayNextKeepalives(1, Duration.ofMillis(300));
        long started = System.nanoTime();
        assertThat(api.post("/streams/" + id + "/keepalive", null).status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));

        emulator.v1().failNextCreates(1, 429);
        Api.Reply limited = api.post("/streams", "{}");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.headers().firstValue("retry-after")).contains("1");
        assertThat(api.post("/streams", "{}").status()).isEqualTo(201);
    }

    @Test
    void recordsV1RequestsInTheJournal() {
        String id = created();
        assertThat(emulator.requests()).contains(new RecordedRequest("POST", "/v1beta/streams", 201));
        api.get("/streams/" + id);
        assertThat(emulator.requests()).contains(new RecordedRequest("GET", "/v1beta/streams/" + id, 200));
    }

    private static String created() {
        Api.Reply created = api.post("/streams", "{}");
        assertThat(created.status()).as(created.rawBody()).isEqualTo(201);
        return created.get("id").asText();
    }

    /** The claims of a JWT, read without verifying it (the emulator's LiveKit endpoint verifies). */
    static JsonNode claims(String jwt) {
        String payload = jwt.split("\\.")[1];
        return Api.parse(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
    }
}
