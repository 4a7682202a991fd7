package dev.camelovershoot.testinfra.rtc;

import static dev.camelovershoot.testinfra.frames.FrameColours.awaitColour;
import static dev.camelovershoot.testinfra.frames.FrameColours.coloursInOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.camelovershoot.testinfra.frames.FrameStore;
import dev.camelovershoot.testinfra.frames.I420Planes;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LegacyWebRtcIngestTest {

    private static WebRtcRuntime runtime;
    private static ClientWebRtc client;

    @BeforeAll
    static void start() {
        runtime = WebRtcRuntime.start();
        client = new ClientWebRtc();
    }

    @AfterAll
    static void stop() {
        client.close();
        runtime.close();
    }

    @Test
    void framesArriveInOrderAndClientCloseEndsTheStream() throws Exception {
        FrameStore store = new FrameStore(1000, 64);
        CompletableFuture<IngestState> lost = new CompletableFuture<>();
        LegacyWebRtcSession session;
        long connectedAt;
        try (TestVideoPublisher publisher = client.newPublisher("cam")) {
            String offer = publisher.createOffer(false);
            session = new LegacyWebRtcIngest(runtime).open(offer, new LegacyIngestListener() {
                @Override
                public void onFrame(I420Planes frame) {
                    store.add(frame);
                }

                @Override
                public void onConnectionLost(IngestState state) {
                    lost.complete(state);
                }
            });
            assertThat(session.answerSdp()).contains("a=candidate:");
            long answeredAt = System.nanoTime();
            publisher.applyAnswer(session.answerSdp());
            publisher.setColour("red");
            publisher.startSending();
            publisher.connected().get(10, TimeUnit.SECONDS);
            connectedAt = System.nanoTime();
            awaitColour(store, "red", Duration.ofSeconds(10));
            System.out.printf("legacy: answer->connected %d ms, answer->first red frame %d ms%n",
                    (connectedAt - answeredAt) / 1_000_000, (System.nanoTime() - answeredAt) / 1_000_000);
            publisher.setColour("blue");
            awaitColour(store, "blue", Duration.ofSeconds(10));
        }
        long closedAt = System.nanoTime();
        // The client's close drops ICE at once; the default disconnect timeout (3 s) then declares the media lost.
        assertThat(lost.get(15, TimeUnit.SECONDS)).isIn(IngestState.DISCONNECTED, IngestState.FAILED, IngestState.CLOSED);
        System.out.printf("legacy: client close -> connection lost (%s) %d ms%n", lost.get(),
                (System.nanoTime() - closedAt) / 1_000_000);
        assertThat(coloursInOrder(store)).containsExactly("red", "blue");
        session.close();
        assertThat(runtime.openPeers()).isZero();
    }

    @Test
    void offersWithoutVideoOrUnreadableAreRejectedWithoutLeakingAPeer() {
        LegacyIngestListener ignored = new LegacyIngestListener() {
            @Override
            public void onFrame(I420Planes frame) {
            }

            @Override
            public void onConnectionLost(IngestState state) {
            }
        };
        LegacyWebRtcIngest ingest = new LegacyWebRtcIngest(runtime);
        assertThatThrownBy(() -> ingest.open("v=0\r\n", ignored)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no video");
        assertThatThrownBy(() -> ingest.open("v=0\r\nm=video nonsense\r\n", ignored))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rejected");
        assertThat(runtime.openPeers()).isZero();
    }
}
