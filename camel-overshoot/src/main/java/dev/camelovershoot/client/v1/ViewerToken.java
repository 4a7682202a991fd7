package dev.camelovershoot.client.v1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A subscribe-only LiveKit grant for watching a stream ({@code POST /streams/{id}/viewer-token}, field {@code view}).
 *
 * @param url              the LiveKit URL
 * @param token            the subscribe-only JWT
 * @param expiresInSeconds how long the token is valid (300)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ViewerToken(String url, String token, int expiresInSeconds) {

    @Override
    public String toString() {
        return "ViewerToken[url=" + url + ", token=" + (token == null ? "null" : "***") + ", expiresInSeconds="
                + expiresInSeconds + "]";
    }
}
