package dev.camelovershoot.testinfra.livekit;

import static dev.camelovershoot.testinfra.frames.FrameColours.awaitColour;
import static dev.camelovershoot.testinfra.frames.FrameColours.coloursInOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.camelovershoot.testinfra.rtc.WebRtcRuntime;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Cross-check with a real LiveKit client: {@code @livekit/rtc-node} joins the endpoint (signalling over 127.0.0.1,
 * media over this machine's non-loopback address) and publishes a camera track.
 */
class RtcNodeCrossCheckTest {

    private static final String ROOM = "stream-rtc-node";
    private static final Duration GRACE = Duration.ofSeconds(2);
    private static final Duration MEDIA = Duration.ofSeconds(20);

    private static WebRtcRuntime webrtc;
    private static LiveKitTestServer server;
    private RecordingRoom room;

    @BeforeAll
    static void start() throws Exception {
        webrtc = WebRtcRuntime.start();
        server = new LiveKitTestServer(webrtc, GRACE);
    }

    @AfterAll
    static void stop() {
        server.close();
        webrtc.close();
    }

    @BeforeEach
    void bindRoom() throws Exception {
        RtcNodePublisher.install();
        room = new RecordingRoom();
        server.rooms().bind(ROOM, room);
    }

    @AfterEach
    void unbindRoom() {
        server.rooms().unbind(ROOM);
    }

    @Test
    void framesOfARealClientReachTheRoomAndAreDescribedRedThenBlue() throws Exception {
        long startedAt = System.nanoTime();
        try (RtcNodePublisher publisher = RtcNodePublisher.start(server.url(), token("rtc-node"), "red-then-blue")) {
            awaitColour(room.frames, "red", MEDIA);
            System.out.printf("rtc-node: process start -> red frame %d ms, join -> first frame %d ms%n",
                    (System.nanoTime() - startedAt) / 1_000_000, room.joinToFirstFrameMillis());
            await().pollDelay(Duration.ofSeconds(1)).until(() -> true);
            publisher.colour("blue");
            awaitColour(room.frames, "blue", MEDIA);
        }
        await().atMost(GRACE.multipliedBy(3)).until(() -> room.left.contains("rtc-node"));
        assertThat(coloursInOrder(room.frames)).containsExactly("red", "blue");
        assertThat(room.frames.latest().orElseThrow().width()).isEqualTo(320);
        RoomCounters counters = server.rooms().counters(ROOM);
        assertThat(counters.joins()).isEqualTo(1);
        assertThat(counters.tracksPublished()).isEqualTo(1);
        assertThat(webrtc.openPeers()).isZero();
    }

    @Test
    void realClientResumesAfterADroppedSignalSocketAndRejoinsWhenAsked() throws Exception {
        try (RtcNodePublisher publisher = RtcNodePublisher.start(server.url(), token("rtc-node"), "resume-and-rejoin")) {
            awaitColour(room.frames, "red", MEDIA);

            String pushed = server.rooms().pushRefreshToken(ROOM).get(0);
            assertThat(server.tokens().verify(pushed).identity()).isEqualTo("rtc-node");
            long droppedAt = System.nanoTime();
            server.rooms().dropSignal(ROOM);
            publisher.awaitOutput("EVENT reconnected", MEDIA);
            assertThat(server.rooms().counters(ROOM).resumes()).isEqualTo(1);
            publisher.colour("green");
            awaitColour(room.frames, "green", MEDIA);
            System.out.printf("rtc-node: signal dropped -> resumed and green frames %d ms%n", millisSince(droppedAt));

            long reconnectAt = System.nanoTime();
            server.rooms().requestReconnect(ROOM);
            await().atMost(MEDIA).until(() -> server.rooms().counters(ROOM).joins() == 2);
            publisher.colour("yellow");
            awaitColour(room.frames, "yellow", MEDIA);
            System.out.printf("rtc-node: leave(RECONNECT) -> rejoined and yellow frames %d ms%n", millisSince(reconnectAt));
            assertThat(room.left).isEmpty();
        }
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    private static String token(String identity) {
        return server.tokens().mintPublishToken(identity, ROOM, Duration.ofMinutes(5));
    }
}
