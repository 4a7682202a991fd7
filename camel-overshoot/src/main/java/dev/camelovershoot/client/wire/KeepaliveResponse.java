package dev.camelovershoot.client.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The response of {@code POST /streams/{id}/keepalive}.
 *
 * @param status                {@code ok}
 * @param streamId              the stream
 * @param ttlSeconds            the lease granted from now
 * @param creditsRemainingCents account balance after this tick's charge
 * @param costCents             charge for this tick
 * @param secondsCharged        stream seconds billed by this tick
 * @param state                 {@code pending}, {@code active} or {@code idle}, when the service reports it
 * @param livekitToken          a fresh LiveKit token (native streams)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record KeepaliveResponse(String status, String streamId, int ttlSeconds, Double creditsRemainingCents,
                                Double costCents, Double secondsCharged, String state, String livekitToken) {

    @Override
    public String toString() {
        return "KeepaliveResponse[status=" + status + ", streamId=" + streamId + ", ttlSeconds=" + ttlSeconds
                + ", creditsRemainingCents=" + creditsRemainingCents + ", costCents=" + costCents
                + ", secondsCharged=" + secondsCharged + ", state=" + state
                + ", livekitToken=" + Mask.secret(livekitToken) + "]";
    }
}
