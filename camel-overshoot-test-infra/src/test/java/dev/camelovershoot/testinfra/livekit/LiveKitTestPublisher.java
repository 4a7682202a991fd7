package dev.camelovershoot.testinfra.livekit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelovershoot.testinfra.rtc.ClientWebRtc;
import dev.camelovershoot.testinfra.rtc.IceCandidate;
import dev.camelovershoot.testinfra.rtc.TestVideoPublisher;
import java.util.concurrent.TimeUnit;
import livekit.LivekitModels.TrackSource;
import livekit.LivekitModels.TrackType;
import livekit.LivekitRtc.AddTrackRequest;
import livekit.LivekitRtc.RequestResponse;
import livekit.LivekitRtc.SessionDescription;
import livekit.LivekitRtc.SignalRequest;
import livekit.LivekitRtc.SignalResponse;
import livekit.LivekitRtc.SignalResponse.MessageCase;
import livekit.LivekitRtc.TrickleRequest;

/**
 * A LiveKit participant publishing solid-colour video through the signal protocol and webrtc-java, as a LiveKit
 * client does: for tests of what reaches a stream published into the emulator's LiveKit endpoint.
 */
public final class LiveKitTestPublisher implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestVideoPublisher publisher;
    private final SignalTestClient signal;

    private LiveKitTestPublisher(TestVideoPublisher publisher, SignalTestClient signal) {
        this.publisher = publisher;
        this.signal = signal;
    }

    /**
     * Joins the room the token names at {@code liveKitUrl} (e.g. {@code ws://HOST:PORT/livekit}) with a publisher
     * offer, connects the media and starts sending frames of {@code colour} at 15 fps.
     */
    public static LiveKitTestPublisher publish(ClientWebRtc webrtc, String liveKitUrl, String token, String colour)
            throws Exception {
        TestVideoPublisher publisher = webrtc.newPublisher("camera-track");
        try {
            String offer = publisher.createOffer(false);
            SignalTestClient signal = SignalTestClient.v1(liveKitUrl, token, SignalTestClient.joinRequest()
                    .setPublisherOffer(SessionDescription.newBuilder().setType("offer").setSdp(offer).setId(1)).build());
            publisher.onCandidate(c -> signal.send(trickle(c)));
            signal.await(MessageCase.JOIN);
            publisher.applyAnswer(answer(signal, 1));
            applyServerCandidates(signal, publisher);
            publisher.connected().get(10, TimeUnit.SECONDS);
            publisher.setColour(colour);
            publisher.startSending();
            return new LiveKitTestPublisher(publisher, signal);
        } catch (Exception | AssertionError e) {
            publisher.close();
            throw e;
        }
    }

    /**
     * Joins with {@code token} and asks to publish a camera track; answers how the server responded: the
     * {@code request_response} reason when it refused, {@code OK} when it published the track.
     */
    public static RequestResponse.Reason tryToPublish(String liveKitUrl, String token) throws Exception {
        try (SignalTestClient signal = SignalTestClient.v1(liveKitUrl, token, SignalTestClient.joinRequest().build())) {
            signal.await(MessageCase.JOIN);
            signal.send(SignalRequest.newBuilder().setAddTrack(AddTrackRequest.newBuilder().setCid("camera-track")
                    .setName("video").setType(TrackType.VIDEO).setSource(TrackSource.CAMERA).setWidth(320)
                    .setHeight(240)).build());
            SignalResponse answer = signal.await(r -> r.hasRequestResponse() || r.hasTrackPublished());
            return answer.hasTrackPublished() ? RequestResponse.Reason.OK : answer.getRequestResponse().getReason();
        }
    }

    public void setColour(String colour) {
        publisher.setColour(colour);
    }

    @Override
    public void close() {
        signal.close();
        publisher.close();
    }

    static SignalRequest offer(String sdp, int id) {
        return SignalRequest.newBuilder().setOffer(SessionDescription.newBuilder().setType("offer").setSdp(sdp).setId(id)).build();
    }

    static SignalRequest trickle(IceCandidate c) {
        String init = JSON.createObjectNode().put("candidate", c.candidate()).put("sdpMid", c.sdpMid())
                .put("sdpMLineIndex", c.sdpMLineIndex()).toString();
        return SignalRequest.newBuilder().setTrickle(TrickleRequest.newBuilder().setCandidateInit(init)).build();
    }

    static String answer(SignalTestClient client, int id) throws InterruptedException {
        SessionDescription answer = client.await(r -> r.hasAnswer() && r.getAnswer().getId() == id).getAnswer();
        assertThat(answer.getType()).isEqualTo("answer");
        return answer.getSdp();
    }

    /** Server candidates carry all three keys; none may arrive before the first answer. */
    static void applyServerCandidates(SignalTestClient client, TestVideoPublisher publisher) throws Exception {
        client.await(MessageCase.TRICKLE);
        boolean answered = false;
        for (SignalResponse r : client.received()) {
            answered |= r.hasAnswer();
            if (r.hasTrickle()) {
                assertThat(answered).as("answer before candidates").isTrue();
                JsonNode init = JSON.readTree(r.getTrickle().getCandidateInit());
                assertThat(init.has("candidate") && init.has("sdpMid") && init.has("sdpMLineIndex")).isTrue();
                publisher.addRemoteCandidate(new IceCandidate(init.get("sdpMid").asText(), init.get("sdpMLineIndex").asInt(),
                        init.get("candidate").asText()));
            }
        }
    }
}
