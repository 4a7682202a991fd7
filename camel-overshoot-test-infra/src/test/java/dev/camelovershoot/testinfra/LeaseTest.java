package dev.camelovershoot.testinfra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class LeaseTest {

    @RegisterExtension
    static final OvershootEmulatorExtension EMULATOR = OvershootEmulatorExtension.create(b -> b.leaseTtlSeconds(1));

    private final OvershootEmulator emulator = EMULATOR.emulator();
    private final Api api = new Api(emulator);

    @Test
    void aLapsedLeaseEndsTheStreamAsLeaseExpired() {
        Api.Reply created = api.create(Api.frameStream(1));
        String id = created.get("stream_id").asText();
        ResultsClient socket = ResultsClient.attach(emulator, id);

        assertThat(created.get("lease").get("ttl_seconds").asInt()).isEqualTo(1);
        assertThat(socket.awaitClose()).isEqualTo(new ResultsClient.Closed(1001, "stream ended: lease_expired"));
        assertThat(emulator.stream(id).orElseThrow().endReason()).isEqualTo("lease_expired");
        assertThat(api.keepalive(id).status()).isEqualTo(404);
        assertThat(api.patch("/streams/" + id + "/config/prompt", "{\"prompt\":\"x\"}").status()).isEqualTo(404);
        assertThat(api.delete("/streams/" + id).status()).as("already closed").isEqualTo(204);
    }

    @Test
    void keepalivesWithinTheTtlKeepTheStreamRunning() {
        String id = api.createStream(Api.frameStream(1));
        ScheduledExecutorService client = Executors.newSingleThreadScheduledExecutor();
        client.scheduleAtFixedRate(() -> api.keepalive(id), 400, 400, TimeUnit.MILLISECONDS);
        try {
            await().during(Duration.ofMillis(2500)).atMost(Duration.ofSeconds(4))
                    .until(() -> !emulator.stream(id).orElseThrow().ended());
        } finally {
            client.shutdownNow();
        }

        assertThat(emulator.stream(id).orElseThrow().keepalives()).isGreaterThanOrEqualTo(5);
        assertThat(api.delete("/streams/" + id).status()).isEqualTo(200);
        assertThat(emulator.stream(id).orElseThrow().endReason()).isEqualTo("client_requested");
    }

    @Test
    void anEndedStreamNoLongerCountsAgainstTheLimit() {
        try (OvershootEmulator single = OvershootEmulator.builder().leaseTtlSeconds(1).streamLimitPerKey(1)
                .build().start()) {
            Api client = new Api(single);
            String id = client.createStream(Api.frameStream(1));
            assertThat(client.create(Api.frameStream(1)).status()).isEqualTo(429);

            await().atMost(Duration.ofSeconds(3)).until(() -> single.stream(id).orElseThrow().ended());

            assertThat(client.create(Api.frameStream(1)).status()).isEqualTo(201);
        }
    }
}
