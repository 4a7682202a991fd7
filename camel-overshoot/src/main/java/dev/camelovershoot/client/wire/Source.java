package dev.camelovershoot.client.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Objects;

/**
 * Where the service gets the video from. A create request without a source means a native stream: the service
 * makes a LiveKit room and returns its URL and token.
 *
 * @param type  {@code native}, {@code webrtc} or {@code livekit}
 * @param sdp   the SDP offer of a legacy WebRTC source
 * @param url   the {@code wss://} URL of a user-managed LiveKit server
 * @param token a publish-capable LiveKit token for a user-managed room
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Source(String type, String sdp, String url, String token) {

    /** The explicit form of the default: the service creates a LiveKit room. */
    public static Source nativeLiveKit() {
        return new Source("native", null, null, null);
    }

    /** Legacy WebRTC: the service answers this SDP offer. */
    public static Source webRtc(String sdpOffer) {
        return new Source("webrtc", Objects.requireNonNull(sdpOffer, "sdpOffer"), null, null);
    }

    /** A LiveKit room the user runs and publishes into. */
    public static Source liveKit(String url, String token) {
        return new Source("livekit", null, Objects.requireNonNull(url, "url"), Objects.requireNonNull(token, "token"));
    }

    @Override
    public String toString() {
        return "Source[type=" + type + ", sdp=" + Mask.sdp(sdp) + ", url=" + url + ", token=" + Mask.secret(token) + "]";
    }
}
