package dev.camelovershoot.client.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The service's answer to a legacy WebRTC offer.
 *
 * @param type {@code answer}
 * @param sdp  the SDP answer
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record WebRtcAnswer(String type, String sdp) {

    @Override
    public String toString() {
        return "WebRtcAnswer[type=" + type + ", sdp=" + Mask.sdp(sdp) + "]";
    }
}
