package dev.camelovershoot.testinfra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.auth0.jwt.JWT;
import com.auth0.jwt.interfaces.DecodedJWT;
import dev.camelovershoot.testinfra.frames.TestImages;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class KeepaliveTest {

    @RegisterExtension
    static final OvershootEmulatorExtension EMULATOR = OvershootEmulatorExtension.create(b -> b
            .apiKeys("ovs_a", "ovs_b").streamLimitPerKey(100).idleAfter(Duration.ofMillis(300)));

    private final OvershootEmulator emulator = EMULATOR.emulator();
    private final Api api = new Api(emulator);

    @Test
    void answersTheLeaseBillingStateAndAFreshLiveKitToken() {
        Api.Reply created = api.create(Api.frameStream(1));
        String id = created.get("stream_id").asText();

        Api.Reply reply = api.keepalive(id);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().fieldNames()).toIterable().containsExactlyInAnyOrder("status", "stream_id",
                "ttl_seconds", "credits_remaining_cents", "cost_cents", "seconds_charged", "state", "livekit_token");
        assertThat(reply.get("status").asText()).isEqualTo("ok");
        assertThat(reply.get("stream_id").asText()).isEqualTo(id);
        assertThat(reply.get("ttl_seconds").isInt()).isTrue();
        assertThat(reply.get("ttl_seconds").asInt()).isEqualTo(45);
        assertThat(reply.get("credits_remaining_cents").isIntegralNumber()).isTrue();
        assertThat(reply.get("cost_cents").isNumber()).isTrue();
        assertThat(reply.get("seconds_charged").isNumber()).isTrue();
        assertThat(reply.get("state").asText()).isEqualTo("pending");
        DecodedJWT initial = JWT.decode(created.get("livekit").get("token").asText());
        DecodedJWT fresh = JWT.decode(reply.get("livekit_token").asText());
        assertThat(fresh.getClaim("video").asMap()).containsEntry("room", id).containsEntry("canPublish", true);
        assertThat(fresh.getSubject()).isEqualTo(initial.getSubject());
        assertThat(fresh.getExpiresAt()).isAfterOrEqualTo(initial.getExpiresAt());
        assertThat(emulator.stream(id).orElseThrow().keepalives()).isEqualTo(1);
    }

    @Test
    void stateFollowsTheFrames() {
        String id = api.createStream(Api.frameStream(1));
        assertThat(api.keepalive(id).get("state").asText()).isEqualTo("pending");

        emulator.injectFrame(id, TestImages.solid(64, 48, "red"));
        assertThat(api.keepalive(id).get("state").asText()).isEqualTo("active");

        await().atMost(Duration.ofSeconds(3)).until(() -> api.keepalive(id).get("state").asText().equals("idle"));
    }

    @Test
    void nonNativeStreamsGetNoLiveKitToken() {
        String id = api.createStream(Api.json("{'source':" + Api.userRoomSource(emulator, "no-token-room") + ","
                + "'processing':{'interval_seconds':1},'inference':{'prompt':'p','model':'Qwen/Qwen3.5-9B'}}"));

        Api.Reply reply = api.keepalive(id);

        assertThat(reply.body().has("livekit_token")).isTrue();
        assertThat(reply.get("livekit_token").isNull()).isTrue();
    }

    @Test
    void unknownForeignAndEndedStreamsAre404() {
        String id = api.createStream(Api.frameStream(1));

        assertThat(api.keepalive("no-such-stream").status()).isEqualTo(404);
        Api.Reply foreign = api.as("ovs_b").keepalive(id);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.get("error").asText()).isEqualTo("stream_not_found");

        api.delete("/streams/" + id);
        assertThat(api.keepalive(id).status()).isEqualTo(404);
        assertThat(api.as("ovs_b").delete("/streams/" + id).status()).as("another key's closed stream").isEqualTo(404);
        assertThat(api.as(null).keepalive(id).status()).isEqualTo(401);
    }

    @Test
    void chargesTheSecondsSinceTheLastChargeAtTheConfiguredRate() {
        try (OvershootEmulator billed = OvershootEmulator.builder().creditsCents(1_000).centsPerSecond(100)
                .build().start()) {
            Api billing = new Api(billed);
            String kept = billing.createStream(Api.frameStream(1));
            String closed = billing.createStream(Api.frameStream(1));
            Api.letTimePass(Duration.ofMillis(200));

            billing.delete("/streams/" + closed);
            Api.Reply reply = billing.keepalive(kept);

            double seconds = reply.get("seconds_charged").asDouble();
            assertThat(seconds).isBetween(0.2, 5.0);
            assertThat(reply.get("cost_cents").asDouble()).isCloseTo(seconds * 100, within(0.01));
            // Both streams were billed: the closed one by DELETE, the kept one by this keepalive.
            assertThat(reply.get("credits_remaining_cents").asLong()).isLessThanOrEqualTo(1_000 - 40);
        }
    }

    @Test
    void runningOutOfCreditsIs402AndTheLeaseLapsesAsInsufficientCredits() {
        try (OvershootEmulator poor = OvershootEmulator.builder().creditsCents(1).centsPerSecond(100)
                .leaseTtlSeconds(1).build().start()) {
            Api billing = new Api(poor);
            String id = billing.createStream(Api.frameStream(1));
            Api.letTimePass(Duration.ofMillis(50));

            Api.Reply reply = billing.keepalive(id);

            assertThat(reply.status()).isEqualTo(402);
            assertThat(reply.get("error").asText()).isEqualTo("insufficient_credits");
            await().atMost(Duration.ofSeconds(3)).until(() -> poor.stream(id).orElseThrow().ended());
            assertThat(poor.stream(id).orElseThrow().endReason()).isEqualTo("insufficient_credits");
            assertThat(poor.stream(id).orElseThrow().keepalives()).isZero();
        }
    }
}
