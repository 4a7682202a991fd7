package dev.camelovershoot.testinfra.livekit;

import static dev.camelovershoot.testinfra.frames.FrameColours.awaitColour;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static dev.camelovershoot.testinfra.livekit.LiveKitTestPublisher.answer;
import static dev.camelovershoot.testinfra.livekit.LiveKitTestPublisher.applyServerCandidates;
import static dev.camelovershoot.testinfra.livekit.LiveKitTestPublisher.offer;
import static dev.camelovershoot.testinfra.livekit.LiveKitTestPublisher.trickle;
import static org.awaitility.Awaitility.await;

import dev.camelovershoot.testinfra.rtc.ClientWebRtc;
import dev.camelovershoot.testinfra.rtc.TestVideoPublisher;
import dev.camelovershoot.testinfra.rtc.WebRtcRuntime;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import livekit.LivekitModels.DisconnectReason;
import livekit.LivekitModels.TrackSource;
import livekit.LivekitModels.TrackType;
import livekit.LivekitRtc.AddTrackRequest;
import livekit.LivekitRtc.JoinResponse;
import livekit.LivekitRtc.LeaveRequest;
import livekit.LivekitRtc.MuteTrackRequest;
import livekit.LivekitRtc.Ping;
import livekit.LivekitRtc.SessionDescription;
import livekit.LivekitRtc.SignalRequest;
import livekit.LivekitRtc.SignalResponse;
import livekit.LivekitRtc.SignalResponse.MessageCase;
import livekit.LivekitRtc.SyncState;
import livekit.LivekitRtc.TrickleRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The signalling protocol, driven at the message level (and with a webrtc-java publisher for the media parts). */
class LiveKitSignallingTest {

    private static final String ROOM = "stream-1";
    private static final Duration GRACE = Duration.ofMillis(800);

    private static WebRtcRuntime webrtc;
    private static ClientWebRtc clientWebRtc;
    private static LiveKitTestServer server;
    private RecordingRoom room;

    @BeforeAll
    static void startServer() throws Exception {
        webrtc = WebRtcRuntime.start();
        clientWebRtc = new ClientWebRtc();
        server = new LiveKitTestServer(webrtc, GRACE);
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
        clientWebRtc.close();
        webrtc.close();
    }

    @BeforeEach
    void bindRoom() {
        room = new RecordingRoom();
        server.rooms().bind(ROOM, room);
    }

    @AfterEach
    void unbindRoom() {
        server.rooms().unbind(ROOM);
        await().atMost(Duration.ofSeconds(5)).until(() -> webrtc.openPeers() == 0);
    }

    @Test
    void joinComesFirstWithWhatClientsNeedThenAFreshToken() throws Exception {
        try (SignalTestClient client = SignalTestClient.v1(server.url(), token("alice"), SignalTestClient.joinRequest().build())) {
            JoinResponse join = client.await(MessageCase.JOIN).getJoin();
            assertThat(client.cases().get(0)).isEqualTo(MessageCase.JOIN);
            assertThat(join.getParticipant().getSid()).startsWith("PA_");
            assertThat(join.getParticipant().getIdentity()).isEqualTo("alice");
            assertThat(join.getParticipant().getPermission().getCanPublish()).isTrue();
            assertThat(join.getServerInfo().getVersion()).isNotEmpty();
            assertThat(join.getServerInfo().getProtocol()).isEqualTo(17);
            assertThat(join.getPingInterval()).isEqualTo(5);
            assertThat(join.getPingTimeout()).isEqualTo(15);
            assertThat(join.getSubscriberPrimary()).isFalse();
            assertThat(join.getRoom().getName()).isEqualTo(ROOM);

            String refreshed = client.await(MessageCase.REFRESH_TOKEN).getRefreshToken();
            LiveKitGrant grant = server.tokens().verify(refreshed);
            assertThat(grant.identity()).isEqualTo("alice");
            assertThat(grant.room()).isEqualTo(ROOM);

            String pushed = server.rooms().pushRefreshToken(ROOM).get(0);
            client.await(r -> r.getRefreshToken().equals(pushed));
            assertThat(room.joined).containsExactly("alice");
        }
    }

    @Test
    void answersPingsPublishesTracksAndIgnoresOtherRequests() throws Exception {
        try (SignalTestClient client = SignalTestClient.v0(server.url(), token("bob"), "")) {
            client.await(MessageCase.JOIN);
            client.send(SignalRequest.newBuilder().setMute(MuteTrackRequest.newBuilder().setSid("TR_x").setMuted(true)).build());
            client.send(SignalRequest.newBuilder().setSyncState(SyncState.getDefaultInstance()).build());
            client.send(SignalRequest.newBuilder().setTrickle(TrickleRequest.newBuilder().setCandidateInit("not json")).build());
            client.send(SignalRequest.newBuilder().setPing(1234).build());
            client.send(SignalRequest.newBuilder().setPingReq(Ping.newBuilder().setTimestamp(5678).setRtt(3)).build());
            client.send(SignalRequest.newBuilder().setAddTrack(AddTrackRequest.newBuilder()
                    .setCid("camera-track").setName("video").setType(TrackType.VIDEO).setSource(TrackSource.CAMERA)
                    .setWidth(320).setHeight(240)).build());

            assertThat(client.await(MessageCase.PONG).getPong()).isPositive();
            assertThat(client.await(MessageCase.PONG_RESP).getPongResp().getLastPingTimestamp()).isEqualTo(5678);
            SignalResponse published = client.await(MessageCase.TRACK_PUBLISHED);
            assertThat(published.getTrackPublished().getCid()).isEqualTo("camera-track");
            assertThat(published.getTrackPublished().getTrack().getSid()).startsWith("TR_VC");
            assertThat(server.rooms().counters(ROOM).tracksPublished()).isEqualTo(1);
        }
    }

    @Test
    void answersEveryOfferWithItsIdTricklesBothWaysAndDeliversFrames() throws Exception {
        try (TestVideoPublisher publisher = clientWebRtc.newPublisher("camera-track")) {
            String offer = publisher.createOffer(false);
            SignalTestClient client = SignalTestClient.v1(server.url(), token("carol"), SignalTestClient.joinRequest()
                    .setPublisherOffer(SessionDescription.newBuilder().setType("offer").setSdp(offer).setId(1)).build());
            publisher.onCandidate(c -> client.send(trickle(c)));
            long joinedAt = System.nanoTime();
            try (client) {
                client.await(MessageCase.JOIN);
                publisher.applyAnswer(answer(client, 1));
                // A second offer right after the first answer, as livekit-client sends one.
                client.send(offer(publisher.createOffer(false), 2));
                publisher.applyAnswer(answer(client, 2));
                applyServerCandidates(client, publisher);
                publisher.connected().get(10, TimeUnit.SECONDS);
                long connectedAt = System.nanoTime();
                publisher.setColour("green");
                publisher.startSending();
                awaitColour(room.frames, "green", Duration.ofSeconds(10));
                System.out.printf("livekit (webrtc-java publisher): join->connected %d ms, join->green frame %d ms%n",
                        (connectedAt - joinedAt) / 1_000_000, (System.nanoTime() - joinedAt) / 1_000_000);

                client.send(offer(publisher.createOffer(true), 3));
                publisher.applyAnswer(answer(client, 3));
                publisher.setColour("yellow");
                awaitColour(room.frames, "yellow", Duration.ofSeconds(10));
                assertThat(server.rooms().counters(ROOM).offersAnswered()).isEqualTo(3);
            }
        }
    }

    @Test
    void refusesBadTokensBeforeUpgradingAndValidates() throws Exception {
        LiveKitTokens stranger = new LiveKitTokens(new LiveKitCredentials("devkey", "another-secret-of-at-least-32-chars"));
        String forged = stranger.mintPublishToken("eve", ROOM, Duration.ofMinutes(5));
        assertThat(handshakeStatus(() -> SignalTestClient.v1(server.url(), forged, SignalTestClient.joinRequest().build())))
                .isEqualTo(401);
        assertThat(handshakeStatus(() -> SignalTestClient.v0(server.url(), forged, ""))).isEqualTo(401);
        String expired = server.tokens().mintPublishToken("eve", ROOM, Duration.ofMinutes(-5));
        assertThat(handshakeStatus(() -> SignalTestClient.v0(server.url(), expired, ""))).isEqualTo(401);
        String otherRoom = server.tokens().mintPublishToken("eve", "no-such-room", Duration.ofMinutes(5));
        assertThat(handshakeStatus(() -> SignalTestClient.v0(server.url(), otherRoom, ""))).isEqualTo(404);

        HttpResponse<String> ok = validate("/rtc/validate?access_token=" + token("dave"));
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("success");
        assertThat(ok.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
        HttpResponse<String> refused = validate("/rtc/v1/validate?access_token=" + forged);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).doesNotContain(forged);
        assertThat(validate("/rtc/validate?access_token=" + otherRoom).body()).contains("requested room does not exist");
        assertThat(validate("/rtc/v1").statusCode()).as("no upgrade").isEqualTo(404);
        assertThat(validate("/v0.2/streams").statusCode()).as("left to the next handler").isEqualTo(418);
        assertThat(room.joined).isEmpty();
    }

    @Test
    void resumesASessionAfterTheSignalSocketDropsAndRefusesUnknownOnes() throws Exception {
        String token = token("erin");
        String sid;
        try (SignalTestClient first = SignalTestClient.v0(server.url(), token, "")) {
            sid = first.await(MessageCase.JOIN).getJoin().getParticipant().getSid();
            // The server's FIN arrives (ss shows CLOSE-WAIT), but the JDK WebSocket client does not always report it;
            // rtc-node notices and resumes (RtcNodeCrossCheckTest).
            assertThat(server.rooms().dropSignal(ROOM)).isEqualTo(1);
        }
        try (SignalTestClient resumed = SignalTestClient.v1(server.url(), token, SignalTestClient.joinRequest()
                .setReconnect(true).setParticipantSid(sid).build())) {
            resumed.await(MessageCase.RECONNECT);
            assertThat(resumed.cases().get(0)).isEqualTo(MessageCase.RECONNECT);
            resumed.send(SignalRequest.newBuilder().setPingReq(Ping.newBuilder().setTimestamp(1)).build());
            resumed.await(MessageCase.PONG_RESP);
            assertThat(server.rooms().counters(ROOM).resumes()).isEqualTo(1);

            resumed.abort();
            try (SignalTestClient again = SignalTestClient.v0(server.url(), token, "&reconnect=1&sid=" + sid)) {
                again.await(MessageCase.RECONNECT);
                assertThat(server.rooms().counters(ROOM).resumes()).isEqualTo(2);
            }
        }
        try (SignalTestClient unknown = SignalTestClient.v0(server.url(), token, "&reconnect=1&sid=PA_unknown")) {
            LeaveRequest leave = unknown.await(MessageCase.LEAVE).getLeave();
            assertThat(leave.getAction()).isEqualTo(LeaveRequest.Action.RECONNECT);
            assertThat(leave.getReason()).isEqualTo(DisconnectReason.STATE_MISMATCH);
        }
        assertThat(room.joined).containsExactly("erin");
    }

    @Test
    void publisherThatLeavesIsReportedGoneAfterTheGracePeriod() throws Exception {
        try (SignalTestClient client = SignalTestClient.v0(server.url(), token("frank"), "")) {
            client.await(MessageCase.JOIN);
            client.send(SignalRequest.newBuilder().setLeave(LeaveRequest.newBuilder()
                    .setReason(DisconnectReason.CLIENT_INITIATED).setAction(LeaveRequest.Action.DISCONNECT)).build());
            long leftAt = System.nanoTime();
            await().atMost(Duration.ofSeconds(5)).until(() -> !room.left.isEmpty());
            assertThat(System.nanoTime() - leftAt).isGreaterThanOrEqualTo(GRACE.toNanos() - 50_000_000);
            assertThat(room.left).containsExactly("frank");
            assertThat(server.rooms().counters(ROOM).participants()).isZero();
        }
    }

    @Test
    void publisherThatNeverResumesIsReportedGone() throws Exception {
        try (SignalTestClient client = SignalTestClient.v0(server.url(), token("gina"), "")) {
            client.await(MessageCase.JOIN);
            server.rooms().dropSignal(ROOM);
            await().atMost(Duration.ofSeconds(5)).until(() -> room.left.size() == 1);
        }
        try (SignalTestClient client = SignalTestClient.v0(server.url(), token("gina"), "")) {
            client.await(MessageCase.JOIN);
            client.abort();
            await().atMost(Duration.ofSeconds(5)).until(() -> room.left.size() == 2);
        }
        assertThat(room.left).containsExactly("gina", "gina");
        assertThat(webrtc.openPeers()).isZero();
    }

    @Test
    void reconnectRequestMakesTheClientRejoinWithoutReportingThePublisherGone() throws Exception {
        String token = token("hank");
        try (SignalTestClient client = SignalTestClient.v0(server.url(), token, "")) {
            client.await(MessageCase.JOIN);
            assertThat(server.rooms().requestReconnect(ROOM)).isEqualTo(1);
            assertThat(client.await(MessageCase.LEAVE).getLeave().getAction()).isEqualTo(LeaveRequest.Action.RECONNECT);
        }
        try (SignalTestClient rejoined = SignalTestClient.v0(server.url(), token, "")) {
            rejoined.await(MessageCase.JOIN);
            assertThat(server.rooms().counters(ROOM).joins()).isEqualTo(2);
            // Outlast the grace period: the rejoin cancelled the publisher-left report.
            await().pollDelay(GRACE.multipliedBy(2)).atMost(GRACE.multipliedBy(3)).until(() -> true);
            assertThat(room.left).isEmpty();
        }
    }

    @Test
    void secondSessionOfAnIdentityEndsTheFirst() throws Exception {
        String token = token("iris");
        try (SignalTestClient first = SignalTestClient.v0(server.url(), token, "");
             SignalTestClient second = SignalTestClient.v0(server.url(), token, "")) {
            first.await(MessageCase.JOIN);
            second.await(MessageCase.JOIN);
            assertThat(first.await(MessageCase.LEAVE).getLeave().getReason()).isEqualTo(DisconnectReason.DUPLICATE_IDENTITY);
            assertThat(server.rooms().counters(ROOM).participants()).isEqualTo(1);
        }
    }

    @Test
    void textFramesAreRefused() throws Exception {
        try (SignalTestClient client = SignalTestClient.v0(server.url(), token("jack"), "")) {
            client.await(MessageCase.JOIN);
            client.sendText("{\"ping\":\"1\"}");
            assertThat(client.closed().get(5, TimeUnit.SECONDS)).isEqualTo(1003);
        }
    }

    private static String token(String identity) {
        return server.tokens().mintPublishToken(identity, ROOM, Duration.ofMinutes(5));
    }

    private static HttpResponse<String> validate(String pathAndQuery) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.httpUrl() + pathAndQuery)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private interface Connect {
        SignalTestClient open() throws Exception;
    }

    private static int handshakeStatus(Connect connect) {
        Throwable failure = catchThrowable(connect::open);
        assertThat(failure).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(WebSocketHandshakeException.class);
        return ((WebSocketHandshakeException) failure.getCause()).getResponse().statusCode();
    }
}
