package dev.camelovershoot.client;

import static dev.camelovershoot.client.TestSupport.client;
import static dev.camelovershoot.client.TestSupport.frameRequest;
import static dev.camelovershoot.client.TestSupport.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.camelovershoot.client.wire.KeepaliveResponse;
import dev.camelovershoot.client.wire.ModelInfo;
import dev.camelovershoot.client.wire.Source;
import dev.camelovershoot.client.wire.StreamConfig;
import dev.camelovershoot.client.wire.StreamCreated;
import dev.camelovershoot.testinfra.OvershootEmulator;
import dev.camelovershoot.testinfra.OvershootEmulatorExtension;
import dev.camelovershoot.testinfra.RecordedRequest;
import dev.camelovershoot.testinfra.StreamSnapshot;
import dev.camelovershoot.testinfra.inference.ScriptedBackend;
import dev.camelovershoot.transport.TransportSettings;
import dev.camelovershoot.transport.WebRtcTransport;
import dev.camelovershoot.transport.rtc.WebRtcRuntime;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Each v0.2 HTTP endpoint against the emulator. Reinfer needs a pushed result: see {@link StreamSessionTest}. */
class OvershootClientTest {

    @RegisterExtension
    static final OvershootEmulatorExtension EMULATOR = OvershootEmulatorExtension.create(b -> b
            .leaseTtlSeconds(30).streamLimitPerKey(20).backend(new ScriptedBackend()));

    private final OvershootEmulator emulator = EMULATOR.emulator();
    private final OvershootClient client = client(emulator);

    @AfterEach
    void deleteStreams() {
        emulator.streams().stream().filter(stream -> !stream.ended())
                .forEach(stream -> client.deleteStream(stream.id()));
    }

    @Test
    void createsANativeStreamWithALiveKitRoomAndALease() {
        StreamCreated created = client.createStream(frameRequest("Describe"));

        assertThat(created.streamId()).isNotBlank();
        assertThat(created.ttlSeconds()).isEqualTo(30);
        assertThat(created.livekit().url()).startsWith("ws");
        assertThat(created.livekit().token()).isNotBlank();
        assertThat(created.webrtc()).isNull();
        StreamSnapshot stream = snapshot(emulator, created.streamId());
        assertThat(stream.sourceType()).isEqualTo("native");
        assertThat(stream.mode()).isEqualTo("frame");
        assertThat(stream.prompt()).isEqualTo("Describe");
        assertThat(emulator.requests()).contains(new RecordedRequest("POST", "/streams", 201));
    }

    @Test
    void createsAStreamFromAUserManagedLiveKitRoom() {
        StreamCreated created = client.createStream(frameRequest("p").withSource(Source.liveKit(
                emulator.liveKitUrl(), emulator.liveKitToken("user", "client-test-room", Duration.ofMinutes(5)))));

        assertThat(snapshot(emulator, created.streamId()).sourceType()).isEqualTo("livekit");
        assertThat(created.ttlSeconds()).isEqualTo(30);
    }

    @Test
    void createsALegacyWebRtcStreamAndGetsAnAnswer() {
        StreamCreated created;
        try (WebRtcRuntime webrtc = new WebRtcRuntime();
             WebRtcTransport offerer = new WebRtcTransport(webrtc, TransportSettings.defaults(2))) {
            created = client.createStream(frameRequest("p").withSource(offerer.prepare().join()));
        }

        assertThat(created.webrtc().type()).isEqualTo("answer");
        assertThat(created.webrtc().sdp()).startsWith("v=0").contains("m=video");
        assertThat(created.turnServers()).isNotNull();
        assertThat(snapshot(emulator, created.streamId()).sourceType()).isEqualTo("webrtc");
    }

    @Test
    void keepaliveRenewsTheLeaseAndBringsAFreshLiveKitToken() {
        StreamCreated created = client.createStream(frameRequest("p"));

        KeepaliveResponse renewed = client.keepalive(created.streamId());

        assertThat(renewed.status()).isEqualTo("ok");
        assertThat(renewed.streamId()).isEqualTo(created.streamId());
        assertThat(renewed.ttlSeconds()).isEqualTo(30);
        assertThat(renewed.livekitToken()).isNotBlank();
        assertThat(snapshot(emulator, created.streamId()).keepalives()).isEqualTo(1);
    }

    @Test
    void updatesThePromptOfARunningStream() {
        StreamCreated created = client.createStream(frameRequest("before"));

        StreamConfig config = client.updatePrompt(created.streamId(), "after");

        assertThat(config.streamId()).isEqualTo(created.streamId());
        assertThat(config.prompt()).isEqualTo("after");
        assertThat(config.model()).isEqualTo(TestSupport.MODEL);
        assertThat(snapshot(emulator, created.streamId()).prompt()).isEqualTo("after");
    }

    @Test
    void deletesAStream() {
        StreamCreated created = client.createStream(frameRequest("p"));

        assertThat(client.deleteStream(created.streamId()).status()).isEqualTo("ok");

        StreamSnapshot stream = snapshot(emulator, created.streamId());
        assertThat(stream.ended()).isTrue();
        assertThat(stream.endReason()).isEqualTo("client_requested");
        assertThatThrownBy(() -> client.keepalive(created.streamId())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void listsTheModelsWithTheirStatus() {
        assertThat(client.listModels())
                .extracting(ModelInfo::model, ModelInfo::status)
                .containsExactlyElementsOf(OvershootEmulator.DEFAULT_MODELS.stream()
                        .map(model -> org.assertj.core.groups.Tuple.tuple(model.model(), model.status())).toList());
        assertThat(client.listModels()).filteredOn(ModelInfo::ready).isNotEmpty();
    }

    @Test
    void reportsHealth() {
        assertThat(client.health().status()).isEqualTo("ok");
    }

    @Test
    void asynchronousCallsCompleteWithoutBlockingTheCaller() throws Exception {
        CompletableFuture<String> id = client.createStreamAsync(frameRequest("p"))
                .thenCompose(created -> client.keepaliveAsync(created.streamId()))
                .thenApply(KeepaliveResponse::streamId);

        assertThat(id.get(5, TimeUnit.SECONDS)).isNotBlank();
        assertThat(client.deleteStreamAsync(id.get()).get(5, TimeUnit.SECONDS).status()).isEqualTo("ok");
    }

    @Test
    void defaultsToTheProductionUrlAndTheKeyFromTheEnvironment() {
        assumeThat(System.getenv(OvershootClient.API_KEY_ENV)).isNull();

        assertThatThrownBy(() -> OvershootClient.builder().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(OvershootClient.API_KEY_ENV);
        assertThat(OvershootClient.builder().apiKey("k").build().baseUrl()).isEqualTo("https://api.overshoot.ai/v0.2");
        assertThat(OvershootClient.builder().apiKey("k").baseUrl("http://h/v0.2/").build().resultsUri("s"))
                .hasToString("ws://h/v0.2/ws/streams/s");
    }
}
