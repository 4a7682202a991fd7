package dev.camelovershoot.client.v1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The answer to {@code POST /streams/{id}/keepalive}: the lease runs {@code ttlSeconds} from now.
 *
 * @param id           the stream id
 * @param expiresAtMs  Unix ms when the renewed lease lapses
 * @param ttlSeconds   the lease
 * @param streamTimeMs the stream clock (ms since its first frame), when sent
 * @param publish      a fresh publish token (older ones may stop working); {@code null} for a camera source
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record KeepaliveResult(String id, long expiresAtMs, int ttlSeconds, Double streamTimeMs, Publish publish) {
}
