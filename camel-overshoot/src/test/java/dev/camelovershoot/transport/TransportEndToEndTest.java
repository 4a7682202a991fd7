package dev.camelovershoot.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.camelovershoot.client.OvershootClient;
import dev.camelovershoot.client.ReconnectPolicy;
import dev.camelovershoot.client.StreamEvent;
import dev.camelovershoot.client.StreamSession;
import dev.camelovershoot.client.wire.Inference;
import dev.camelovershoot.client.wire.Processing;
import dev.camelovershoot.client.wire.StreamRequest;
import dev.camelovershoot.livekit.LiveKitException;
import dev.camelovershoot.livekit.SignalClient;
import dev.camelovershoot.livekit.SignalListener;
import dev.camelovershoot.testinfra.OvershootEmulator;
import dev.camelovershoot.testinfra.OvershootEmulatorExtension;
import dev.camelovershoot.testinfra.livekit.LiveKitRooms;
import dev.camelovershoot.transport.rtc.WebRtcRuntime;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Frames pushed through each transport travel over real WebRTC into the emulator, are decoded into the stream's
 * frame store and named by the {@code describe} backend: the whole media path, client to results.
 */
class TransportEndToEndTest {

    private static final Set<String> SHOWN = Set.of("red", "blue", "green");
    /** Half a second leaves the describe backend's JSON within the token cap (128 tokens per second). */
    private static final double INTERVAL = 0.5;

    @RegisterExtension
    static final OvershootEmulatorExtension EMULATOR = OvershootEmulatorExtension.create(b -> b
            .leaseTtlSeconds(4).streamLimitPerKey(20).publisherGrace(Duration.ofSeconds(5)));

    private static final WebRtcRuntime RUNTIME = new WebRtcRuntime();

    private final OvershootEmulator emulator = EMULATOR.emulator();
    private final HttpClient http = HttpClient.newHttpClient();
    private final OvershootClient client = OvershootClient.builder().baseUrl(emulator.baseUrl())
            .apiKey(emulator.apiKey()).requestTimeout(Duration.ofSeconds(5)).build();
    private final ColourResults results = new ColourResults();

    @AfterAll
    static void releaseWebRtc() {
        RUNTIME.close();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"native", "webrtc", "livekit"})
    void coloursPublishedThroughEachTransportAreNamedInOrder(String kind) throws Exception {
        try (VideoTransport transport = transport(kind);
             StreamSession session = start(transport);
             ColourFeed feed = new ColourFeed(transport, "red")) {
            results.await("red");
            feed.show("blue");
            results.await("blue");
            feed.show("green");
            results.await("green");

            assertThat(results.changes(SHOWN)).containsExactly("red", "blue", "green");
            assertThat(emulator.stream(session.streamId()).orElseThrow().sourceType()).isEqualTo(kind);
            assertThat(feed.published()).isPositive();
        }
        assertThat(results.errors).isEmpty();
    }

    @Test
    void nativeTransportResumesAfterASignalDropAndRejoinsWhenAsked() throws Exception {
        try (VideoTransport transport = transport("native");
             StreamSession session = start(transport);
             ColourFeed feed = new ColourFeed(transport, "red")) {
            String room = session.streamId();
            LiveKitRooms rooms = emulator.liveKitRooms().orElseThrow();
            results.await("red");

            assertThat(rooms.dropSignal(room)).isEqualTo(1);
            await().atMost(Duration.ofSeconds(15)).until(() -> rooms.counters(room).resumes() >= 1);
            feed.show("blue");
            results.await("blue");

            assertThat(rooms.requestReconnect(room)).isEqualTo(1);
            await().atMost(Duration.ofSeconds(15)).until(() -> rooms.counters(room).joins() >= 2);
            feed.show("green");
            results.await("green");

            assertThat(results.changes(SHOWN)).containsExactly("red", "blue", "green");
            assertThat(session.streamId()).isEqualTo(room);
        }
        assertThat(results.errors).isEmpty();
    }

    @Test
    void thePublisherKeepsTheNewestTokenFromKeepalivesAndTheLiveKitServer() throws Exception {
        try (LiveKitTransport transport = LiveKitTransport.serviceRoom(RUNTIME, http, settings());
             StreamSession session = start(transport);
             ColourFeed feed = new ColourFeed(transport, "red")) {
            results.await("red");
            String initial = session.stream().livekit().token();

            // a lease of 4 s means a keepalive every 2 s, each with a fresh token for a later expiry
            await().atMost(Duration.ofSeconds(10)).until(() -> !initial.equals(transport.publisher().token()));
            List<String> pushed = emulator.liveKitRooms().orElseThrow().pushRefreshToken(session.streamId());
            assertThat(pushed).hasSize(1);
            await().atMost(Duration.ofSeconds(5)).until(() -> pushed.get(0).equals(transport.publisher().token()));
        }
    }

    @Test
    void aNativeStreamSurvivesADeploy() throws Exception {
        try (VideoTransport transport = transport("native");
             StreamSession session = start(transport);
             ColourFeed feed = new ColourFeed(transport, "red")) {
            String id = session.streamId();
            results.await("red");

            emulator.faults().restart();
            feed.show("blue");
            results.await("blue");

            assertThat(session.streamId()).isEqualTo(id);
            assertThat(results.saw(StreamEvent.Type.RECOVERED, null)).isTrue();
            assertThat(results.saw(StreamEvent.Type.ENDED, null)).isFalse();
        }
    }

    @Test
    void aLegacyWebRtcStreamEndsWithADeployAndSaysWhy() throws Exception {
        try (VideoTransport transport = transport("webrtc");
             StreamSession session = start(transport);
             ColourFeed feed = new ColourFeed(transport, "red")) {
            results.await("red");

            emulator.faults().restart();

            await().atMost(Duration.ofSeconds(15))
                    .until(() -> results.saw(StreamEvent.Type.ENDED, "webrtc_disconnected"));
            assertThat(session.isActive()).isFalse();
        }
    }

    @Test
    void aPublisherThatLeavesForGoodEndsTheStream() throws Exception {
        try (VideoTransport transport = transport("native");
             StreamSession session = start(transport);
             ColourFeed feed = new ColourFeed(transport, "red")) {
            results.await("red");

            transport.disconnect().join();

            await().atMost(Duration.ofSeconds(20))
                    .until(() -> results.saw(StreamEvent.Type.ENDED, "livekit_disconnected"));
            assertThat(emulator.stream(session.streamId()).orElseThrow().endReason()).isEqualTo("livekit_disconnected");
        }
    }

    @Test
    void aRejectedTokenFailsTheJoinWithAClearMessage() {
        String token = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.not-a-signature";
        try (SignalClient signal = new SignalClient(http, new IgnoringListener(), Duration.ofSeconds(5))) {
            assertThatThrownBy(() -> signal.join(emulator.liveKitUrl(), token))
                    .isInstanceOfSatisfying(LiveKitException.class, e -> assertThat(e.tokenRejected()).isTrue())
                    .hasMessageContaining("token was rejected")
                    .hasMessageNotContaining(token);
        }
    }

    private static final class IgnoringListener implements SignalListener {
        @Override
        public void onRemoteCandidate(String candidateInitJson) {
        }

        @Override
        public void onLeave(livekit.LivekitRtc.LeaveRequest leave) {
        }

        @Override
        public void onSignalLost(String reason) {
        }
    }

    private StreamSession start(VideoTransport transport) {
        StreamRequest request = StreamRequest.of(Processing.frame(INTERVAL), Inference.of("What colour is it?",
                OvershootEmulator.DEFAULT_MODELS.get(0).model()));
        return StreamSession.builder(client, request).transport(transport).listener(results)
                .reconnectPolicy(new ReconnectPolicy(Duration.ofMillis(100), Duration.ofMillis(500), 10))
                .recreateOnStreamLoss(false)
                .start();
    }

    private VideoTransport transport(String kind) {
        return switch (kind) {
            case "native" -> LiveKitTransport.serviceRoom(RUNTIME, http, settings());
            case "webrtc" -> new WebRtcTransport(RUNTIME, settings());
            case "livekit" -> LiveKitTransport.userRoom(RUNTIME, http, settings(), emulator.liveKitUrl(),
                    emulator.liveKitToken("camel", "user-room-" + System.nanoTime(), Duration.ofMinutes(5)));
            default -> throw new IllegalArgumentException(kind);
        };
    }

    private static TransportSettings settings() {
        return TransportSettings.defaults(PublishRate.of(Processing.frame(INTERVAL), 30));
    }
}
