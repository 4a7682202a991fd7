package dev.camelovershoot.client.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The service's LiveKit room for a native stream.
 *
 * @param url   the {@code wss://} server URL
 * @param token a client JWT, valid about five minutes; keepalives bring fresh ones
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record LiveKitInfo(String url, String token) {

    @Override
    public String toString() {
        return "LiveKitInfo[url=" + url + ", token=" + Mask.secret(token) + "]";
    }
}
