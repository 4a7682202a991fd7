package dev.camelovershoot.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;

import dev.camelovershoot.client.OvershootClient;
import dev.camelovershoot.client.ReconnectPolicy;
import dev.camelovershoot.client.StreamSession;
import dev.camelovershoot.client.Transport;
import dev.camelovershoot.client.wire.Inference;
import dev.camelovershoot.client.wire.LiveKitInfo;
import dev.camelovershoot.client.wire.Processing;
import dev.camelovershoot.client.wire.StreamRequest;
import dev.camelovershoot.livekit.LiveKitException;
import dev.camelovershoot.testinfra.OvershootEmulator;
import dev.camelovershoot.testinfra.OvershootEmulatorExtension;
import dev.camelovershoot.testinfra.livekit.LiveKitRooms;
import dev.camelovershoot.testinfra.livekit.RoomCounters;
import dev.camelovershoot.transport.rtc.FrameBridge;
import dev.camelovershoot.transport.rtc.WebRtcRuntime;
import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.RTCPeerConnectionState;
import dev.onvoid.webrtc.media.video.CustomVideoSource;
import dev.onvoid.webrtc.media.video.VideoTrack;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A LiveKit publisher against the emulator's LiveKit endpoint, its signalling relayed by a {@link SignalProxy} that
 * cuts it: it resumes or rejoins for as long as it is open, and reports only what a retry cannot fix.
 */
class LiveKitPublisherTest {

    /** Fast enough for a test: 20 ms doubling up to 100 ms, unlimited. */
    private static final ReconnectPolicy FAST = new ReconnectPolicy(Duration.ofMillis(20), Duration.ofMillis(100),
            ReconnectPolicy.UNLIMITED);
    /** Each connection step's bound: a held handshake is given up after it. */
    private static final Duration STEP = Duration.ofSeconds(3);
    /**
     * Bound for a recovery: the JDK WebSocket sometimes sees a cut only at the 15 s ping timeout, and a resume's ICE
     * restart then needs seconds more on a loaded 2-core machine (30 s was once exceeded in a full run).
     */
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String BAD_TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.not-a-signature";

    @RegisterExtension
    static final OvershootEmulatorExtension EMULATOR = OvershootEmulatorExtension.create(b -> b
            .leaseTtlSeconds(10).streamLimitPerKey(20).publisherGrace(Duration.ofSeconds(30)));

    private static final WebRtcRuntime RUNTIME = new WebRtcRuntime();

    private final OvershootEmulator emulator = EMULATOR.emulator();
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<LiveKitException> failures = new CopyOnWriteArrayList<>();
    private StreamSession session;
    private LiveKitInfo room;
    private SignalProxy proxy;
    private FrameBridge bridge;

    @BeforeEach
    void nativeStreamBehindAProxy() throws Exception {
        OvershootClient client = OvershootClient.builder().baseUrl(emulator.baseUrl()).apiKey(emulator.apiKey())
                .requestTimeout(Duration.ofSeconds(5)).build();
        StreamRequest request = StreamRequest.of(Processing.frame(0.5), Inference.of("What colour is it?",
                OvershootEmulator.DEFAULT_MODELS.get(0).model()));
        session = StreamSession.builder(client, request).transport(Transport.none()).start();
        room = session.stream().livekit();
        proxy = new SignalProxy(room.url());
        bridge = RUNTIME.createFrameBridge("TR_test_" + System.nanoTime());
    }

    @AfterEach
    void release() {
        proxy.close();
        session.close();
        bridge.close();
    }

    @AfterAll
    static void releaseWebRtc() {
        RUNTIME.close();
    }

    @Test
    void aSignalOutageOfManyAttemptsIsOutlastedAndThePublisherComesBack() {
        try (LiveKitPublisher publisher = publisher()) {
            publisher.start(room.token()).join();
            LiveKitRooms rooms = emulator.liveKitRooms().orElseThrow();
            String name = session.streamId();

            proxy.cut();
            // livekit-client's schedule gave up after 10 attempts
            await().atMost(WAIT).until(() -> proxy.refused() >= 15);
            proxy.restore();

            await().atMost(WAIT).until(() -> rooms.counters(name).resumes() + rooms.counters(name).joins() >= 2
                    && publisher.peer() != null && publisher.peer().state() == RTCPeerConnectionState.CONNECTED);
            assertThat(failures).isEmpty();
        }
    }

    @Test
    void theFirstJoinWaitsForAnUnreachableServer() {
        proxy.cut();
        try (LiveKitPublisher publisher = publisher()) {
            CompletableFuture<Void> started = publisher.start(room.token());
            await().atMost(WAIT).until(() -> proxy.refused() >= 3);
            assertThat(started).isNotDone();

            proxy.restore();

            assertThat(started).succeedsWithin(WAIT);
            assertThat(failures).isEmpty();
        }
    }

    @Test
    void aServerThatAcceptsButNeverAnswersTheHandshakeIsTriedAgain() {
        proxy.hold();
        try (LiveKitPublisher publisher = publisher()) {
            CompletableFuture<Void> started = publisher.start(room.token());
            // a second connection means the first handshake was given up at its timeout
            await().atMost(WAIT).until(() -> proxy.held() >= 2);

            proxy.restore();

            assertThat(started).succeedsWithin(WAIT);
            assertThat(failures).isEmpty();
        }
    }

    @Test
    void aRoomTheServerLostIsReportedOnceAndNotRetried() {
        try (LiveKitPublisher publisher = publisher()) {
            publisher.start(room.token()).join();
            proxy.cut();
            emulator.faults().restartLosingState();
            proxy.restore();

            await().atMost(WAIT).until(() -> !failures.isEmpty());
            assertThat(failures).singleElement().satisfies(e -> {
                assertThat(e.roomGone()).isTrue();
                assertThat(e).hasMessageContaining("room does not exist");
            });
        }
    }

    @Test
    void aRefusedTokenIsReportedWhenNoNewerOneCameAndNeverLogged() {
        try (LiveKitPublisher publisher = publisher()) {
            publisher.start(room.token()).join();
            proxy.cut();
            publisher.updateToken(BAD_TOKEN);
            proxy.restore();

            await().atMost(WAIT).until(() -> !failures.isEmpty());
            assertThat(failures).singleElement().satisfies(e -> {
                assertThat(e.tokenRejected()).isTrue();
                assertThat(e).hasMessageNotContaining(BAD_TOKEN);
            });
        }
    }

    @Test
    void aTokenRefusedWhileANewerOneArrivedIsRetriedWithTheNewerOne() {
        try (LiveKitPublisher publisher = publisher()) {
            publisher.start(room.token()).join();
            String good = publisher.token();
            proxy.cut();
            publisher.updateToken(BAD_TOKEN);
            // the attempt that carries the bad token is under way when a keepalive hands over a good one
            proxy.beforeForwarding(() -> publisher.updateToken(good));
            proxy.restore();

            // connected again, not on the refused token (the server pushes a refresh_token after each join and
            // resume, so the token in use is then a fresher one than the one handed over)
            await().atMost(WAIT).until(() -> publisher.peer() != null
                    && publisher.peer().state() == RTCPeerConnectionState.CONNECTED
                    && !BAD_TOKEN.equals(publisher.token()));
            assertThat(failures).isEmpty();
        }
    }

    @Test
    void aSignalLostWhileTheFirstJoinWaitsForMediaIsResumedOnceTheJoinEnds() {
        RecordingFactory factory = RecordingFactory.create();
        CustomVideoSource source = new CustomVideoSource();
        VideoTrack track = factory.createVideoTrack("TR_lost_while_joining", source);
        try {
            factory.holdConnected();
            try (LiveKitPublisher publisher = publisher(factory, track)) {
                CompletableFuture<Void> started = publisher.start(room.token());
                await().atMost(WAIT).until(factory::connectedHeld);
                proxy.cut();
                await().atMost(WAIT).until(() -> !publisher.signalConnected());

                factory.releaseConnected();
                assertThat(started).succeedsWithin(WAIT);

                // the loss came while the join ran: it is answered when the join ends
                await().atMost(WAIT).until(() -> proxy.refused() >= 1);
                proxy.restore();
                await().atMost(WAIT).until(publisher::signalConnected);
                assertThat(failures).isEmpty();
            }
        } finally {
            source.dispose();
            factory.dispose();
        }
    }

    @Test
    void closeDuringAJoinReleasesThePeerConnectionTheJoinCreates() throws Exception {
        RecordingFactory factory = RecordingFactory.create();
        CustomVideoSource source = new CustomVideoSource();
        VideoTrack track = factory.createVideoTrack("TR_race", source);
        try {
            factory.holdCreationsUntilInterrupted();
            LiveKitPublisher publisher = publisher(factory, track);
            publisher.start(room.token());
            assertThat(factory.awaitCreating()).isTrue();

            publisher.close();

            await().atMost(Duration.ofSeconds(3)).until(() -> factory.created().size() == 1
                    && factory.created().get(0).getConnectionState() == RTCPeerConnectionState.CLOSED);
            assertThatCode(track::dispose).doesNotThrowAnyException();
        } finally {
            source.dispose();
            factory.dispose();
        }
    }

    /**
     * libwebrtc keeps the sockets of every ICE restart's candidates open while the far end answers on them (the
     * emulator's libwebrtc does), until the connection closes: a route whose signal drops every few minutes would add
     * sockets without end. After {@link LiveKitPublisher#RESUMES_PER_PEER} resumes a recovery rejoins with a new peer
     * connection, which closes the old one and its sockets.
     */
    @Test
    void resumingOnePeerConnectionAgainAndAgainLeavesNoSocketsBehind() throws Exception {
        try (LiveKitPublisher publisher = publisher()) {
            publisher.start(room.token()).join();
            LiveKitRooms rooms = emulator.liveKitRooms().orElseThrow();
            long joins = rooms.counters(session.streamId()).joins();
            long sockets = openSockets();
            long mostLeftOpen = 0;

            int drops = 2 * (LiveKitPublisher.RESUMES_PER_PEER + 1);
            for (int drop = 1; drop <= drops; drop++) {
                long recoveries = recoveries();
                rooms.dropSignal(session.streamId());
                await().atMost(WAIT).until(() -> recoveries() > recoveries && publisher.signalConnected()
                        && publisher.peer() != null && publisher.peer().state() == RTCPeerConnectionState.CONNECTED);
                mostLeftOpen = Math.max(mostLeftOpen, openSockets() - sockets);
            }

            // Each resume leaves 4 sockets here (this JVM holds both ends); a rejoin closes them.
            assertThat(mostLeftOpen).as("most sockets left open during %d recoveries", drops)
                    .isLessThanOrEqualTo(5L * LiveKitPublisher.RESUMES_PER_PEER);
            assertThat(rooms.counters(session.streamId()).joins() - joins).as("rejoins with a new peer connection")
                    .isGreaterThanOrEqualTo(drops / (LiveKitPublisher.RESUMES_PER_PEER + 1));
            assertThat(failures).isEmpty();
        }
    }

    private long recoveries() {
        RoomCounters counters = emulator.liveKitRooms().orElseThrow().counters(session.streamId());
        return counters.joins() + counters.resumes();
    }

    private static long openSockets() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.filter(fd -> {
                try {
                    return Files.readSymbolicLink(fd).toString().startsWith("socket:");
                } catch (IOException closedMeanwhile) {
                    return false;
                }
            }).count();
        }
    }

    private LiveKitPublisher publisher() {
        return publisher(RUNTIME.factory(), bridge.track());
    }

    private LiveKitPublisher publisher(PeerConnectionFactory factory, VideoTrack track) {
        TransportSettings settings = TransportSettings.defaults(2).withReconnect(FAST);
        return new LiveKitPublisher(http, factory, track, proxy.url(),
                new LiveKitPublisher.Settings(settings.codec(), settings.width(), settings.height(),
                        settings.iceServers(), STEP, settings.reconnect()),
                failures::add);
    }
}
