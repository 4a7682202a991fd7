package dev.camelovershoot.client.v1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A stream as {@code POST /streams} returned it (201).
 *
 * @param id          the stream id (a UUID)
 * @param state       {@code active}
 * @param publish     where to publish its video; {@code null} for a camera source
 * @param source      for a camera source, its type only ({@code url} is never echoed); else {@code null}
 * @param expiresAtMs Unix ms when the lease lapses without a keepalive
 * @param ttlSeconds  the lease, currently 300 s
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CreatedStream(String id, String state, Publish publish, CameraSource source, long expiresAtMs,
                            int ttlSeconds) {

    /** Whether the client publishes the video (rather than the service pulling a camera). */
    public boolean published() {
        return publish != null;
    }
}
