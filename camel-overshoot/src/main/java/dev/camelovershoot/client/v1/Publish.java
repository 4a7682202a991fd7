package dev.camelovershoot.client.v1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * Where a client publishes the video of a stream: a LiveKit room and a short-lived publish token. Every keepalive
 * brings a fresh token; rejoining the room needs the newest.
 *
 * @param type  {@code livekit}, the only value
 * @param url   the {@code wss://} LiveKit URL
 * @param token the publish JWT, scoped to this stream
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Publish(String type, String url, String token) {

    @Override
    public String toString() {
        return "Publish[type=" + type + ", url=" + url + ", token=" + (token == null ? "null" : "***") + "]";
    }
}
