package dev.camelovershoot.testinfra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StreamLimitsTest {

    @Test
    void eachKeyMayRunOnlyItsLimitOfStreamsAtOnce() {
        try (OvershootEmulator emulator = OvershootEmulator.builder().apiKeys("ovs_a", "ovs_b")
                .streamLimitPerKey(2).build().start()) {
            Api a = new Api(emulator);
            String first = a.createStream(Api.frameStream(1));
            a.createStream(Api.frameStream(1));

            Api.Reply third = a.create(Api.frameStream(1));
            assertThat(third.status()).isEqualTo(429);
            assertThat(third.get("error").asText()).isEqualTo("stream_limit_exceeded");
            assertThat(third.headers().firstValue("Retry-After")).hasValue("45");
            assertThat(a.as("ovs_b").create(Api.frameStream(1)).status()).isEqualTo(201);

            a.delete("/streams/" + first);
            assertThat(a.create(Api.frameStream(1)).status()).isEqualTo(201);
        }
    }

    @Test
    void noCreditsNoStream() {
        try (OvershootEmulator emulator = OvershootEmulator.builder().creditsCents(0).build().start()) {
            Api.Reply reply = new Api(emulator).create(Api.frameStream(1));

            assertThat(reply.status()).isEqualTo(402);
            assertThat(reply.get("error").asText()).isEqualTo("insufficient_credits");
        }
    }

    @Test
    void unavailableModelIsRejectedAndListedAsNotReady() {
        try (OvershootEmulator emulator = OvershootEmulator.builder()
                .models(List.of(new ModelEntry("m/offline", "unavailable"))).build().start()) {
            Api api = new Api(emulator);
            Api.Reply reply = api.create(Api.json("{'processing':{'interval_seconds':1},"
                    + "'inference':{'prompt':'p','model':'m/offline'}}"));

            assertThat(reply.status()).isEqualTo(503);
            assertThat(reply.get("error").asText()).isEqualTo("model_unavailable");
            assertThat(api.get("/models").body().toString())
                    .isEqualTo("[{\"model\":\"m/offline\",\"ready\":false,\"status\":\"unavailable\"}]");
        }
    }
}
