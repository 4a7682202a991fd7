package dev.camelovershoot.testinfra.livekit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelovershoot.testinfra.rtc.IceCandidate;
import livekit.LivekitModels.DisconnectReason;
import livekit.LivekitModels.ParticipantInfo;
import livekit.LivekitModels.ParticipantPermission;
import livekit.LivekitModels.Room;
import livekit.LivekitModels.ServerInfo;
import livekit.LivekitRtc.JoinResponse;
import livekit.LivekitRtc.LeaveRequest;
import livekit.LivekitRtc.Pong;
import livekit.LivekitRtc.ReconnectResponse;
import livekit.LivekitRtc.SessionDescription;
import livekit.LivekitRtc.SignalResponse;
import livekit.LivekitRtc.SignalTarget;
import livekit.LivekitRtc.TrickleRequest;

/** The server-to-client signal messages the emulator sends, and the ICE candidate JSON both ways. */
final class SignalMessages {

    /** Ping cadence and timeout a LiveKit server announces; rtc-node aborts the Node process on zero values. */
    static final int PING_INTERVAL_SECONDS = 5;
    static final int PING_TIMEOUT_SECONDS = 15;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ServerInfo SERVER_INFO = ServerInfo.newBuilder()
            .setEdition(ServerInfo.Edition.Standard)
            .setVersion("1.13.5")
            .setProtocol(17)
            .setRegion("emulator")
            .setNodeId("overshoot-emulator")
            .build();

    private SignalMessages() {
    }

    /** Single-PC and publisher-primary: the client's publisher connection is the only one negotiated. */
    static SignalResponse join(Room room, ParticipantInfo participant) {
        return SignalResponse.newBuilder().setJoin(JoinResponse.newBuilder()
                .setRoom(room)
                .setParticipant(participant)
                .setServerInfo(SERVER_INFO)
                .setServerVersion(SERVER_INFO.getVersion())
                .setServerRegion(SERVER_INFO.getRegion())
                .setPingInterval(PING_INTERVAL_SECONDS)
                .setPingTimeout(PING_TIMEOUT_SECONDS)
                .setSubscriberPrimary(false)).build();
    }

    static ParticipantInfo participant(String sid, LiveKitGrant grant, long joinedAtSeconds) {
        return ParticipantInfo.newBuilder()
                .setSid(sid)
                .setIdentity(grant.identity())
                .setState(ParticipantInfo.State.JOINED)
                .setJoinedAt(joinedAtSeconds)
                .setPermission(ParticipantPermission.newBuilder()
                        .setCanPublish(grant.canPublish())
                        .setCanSubscribe(grant.canSubscribe())
                        .setCanPublishData(grant.canPublishData()))
                .build();
    }

    static SignalResponse reconnect() {
        return SignalResponse.newBuilder().setReconnect(ReconnectResponse.newBuilder().setServerInfo(SERVER_INFO)).build();
    }

    static SignalResponse answer(String sdp, int offerId) {
        return SignalResponse.newBuilder()
                .setAnswer(SessionDescription.newBuilder().setType("answer").setSdp(sdp).setId(offerId)).build();
    }

    /** Carries all three keys of an RTCIceCandidateInit: the Rust SDK (rtc-node) panics when one is missing. */
    static SignalResponse trickle(IceCandidate candidate) {
        ObjectNode init = JSON.createObjectNode()
                .put("candidate", candidate.candidate())
                .put("sdpMid", candidate.sdpMid())
                .put("sdpMLineIndex", candidate.sdpMLineIndex());
        return SignalResponse.newBuilder().setTrickle(TrickleRequest.newBuilder()
                .setCandidateInit(init.toString()).setTarget(SignalTarget.PUBLISHER)).build();
    }

    /**
     * Reads a client's {@code candidateInit} JSON ({@code RTCIceCandidateInit}).
     *
     * @return the candidate, or {@code null} for an end-of-candidates marker
     * @throws IllegalArgumentException when it is not candidate JSON
     */
    static IceCandidate candidate(String candidateInit) {
        try {
            JsonNode init = JSON.readTree(candidateInit);
            String candidate = init.path("candidate").asText("");
            if (candidate.isEmpty()) {
                return null;
            }
            return new IceCandidate(init.path("sdpMid").asText(""), init.path("sdpMLineIndex").asInt(0), candidate);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("candidateInit is not JSON", e);
        }
    }

    static SignalResponse pong(long nowMillis) {
        return SignalResponse.newBuilder().setPong(nowMillis).build();
    }

    static SignalResponse pongResp(long pingTimestamp, long nowMillis) {
        return SignalResponse.newBuilder()
                .setPongResp(Pong.newBuilder().setLastPingTimestamp(pingTimestamp).setTimestamp(nowMillis)).build();
    }

    static SignalResponse refreshToken(String token) {
        return SignalResponse.newBuilder().setRefreshToken(token).build();
    }

    static SignalResponse leave(LeaveRequest.Action action, DisconnectReason reason) {
        return SignalResponse.newBuilder().setLeave(LeaveRequest.newBuilder()
                .setAction(action)
                .setReason(reason)
                .setCanReconnect(action != LeaveRequest.Action.DISCONNECT)).build();
    }
}
