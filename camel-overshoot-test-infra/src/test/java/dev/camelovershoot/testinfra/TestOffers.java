package dev.camelovershoot.testinfra;

import dev.camelovershoot.testinfra.rtc.ClientWebRtc;
import dev.camelovershoot.testinfra.rtc.TestVideoPublisher;

/** Real SDP offers, for tests that only look at how the emulator answers them. */
final class TestOffers {

    private TestOffers() {
    }

    /** {@link #video()} as a JSON string literal in single quotes, for {@link Api#json}. */
    static String videoJson() {
        return "'" + video().replace("\r", "\\r").replace("\n", "\\n") + "'";
    }

    /** An offer with one send-only video track, as a legacy WebRTC client sends it. */
    static String video() {
        try (ClientWebRtc webrtc = new ClientWebRtc(); TestVideoPublisher publisher = webrtc.newPublisher("video")) {
            return publisher.createOffer(false);
        } catch (Exception e) {
            throw new IllegalStateException("could not create a WebRTC offer", e);
        }
    }
}
