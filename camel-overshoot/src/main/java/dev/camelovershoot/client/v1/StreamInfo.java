package dev.camelovershoot.client.v1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * {@code GET /streams/{id}}: the state of a stream's frame buffer. Only {@code id} and {@code state} are always
 * present; an ended stream keeps its final counters.
 *
 * @param id                       the stream id
 * @param state                    {@code active} or {@code ended} (terminal)
 * @param streamTimeMs             the stream clock: 0 until the first frame, then ms since it
 * @param firstFrameAtMs           Unix ms of the first frame ingested
 * @param lastFrameAtMs            Unix ms of the newest frame
 * @param lastFrameIndex           lifetime index of the newest frame ({@code frame_index=-1} resolves to it)
 * @param firstAvailableFrameAtMs  Unix ms of the oldest retained frame
 * @param firstAvailableFrameIndex lifetime index of the oldest retained frame
 * @param createdAtMs              Unix ms of creation
 * @param recentFps                rolling ingest rate
 * @param retainedFrameCount       frames held (600 s are retained)
 * @param evictedFrameCount        frames dropped from the buffer so far
 * @param expiresAtMs              Unix ms the lease lapses; {@code null} once ended
 * @param ttlSeconds               the lease
 * @param endedAtMs                Unix ms it ended
 * @param endReason                {@code expired}, {@code reaped}, {@code deleted}, or {@code null} while active
 * @param audio                    reserved, always false
 * @param lastPull                 for a camera source: Unix ms of the last pulled frame (written at most once a
 *                                 second); {@code null} for published streams
 * @param source                   for a camera source, its type
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record StreamInfo(String id, String state, Double streamTimeMs, Long firstFrameAtMs, Long lastFrameAtMs,
                         Long lastFrameIndex, Long firstAvailableFrameAtMs, Long firstAvailableFrameIndex,
                         Long createdAtMs, Double recentFps, Long retainedFrameCount, Long evictedFrameCount,
                         Long expiresAtMs, Integer ttlSeconds, Long endedAtMs, String endReason, boolean audio,
                         Long lastPull, CameraSource source) {

    public static final String ACTIVE = "active";
    public static final String ENDED = "ended";

    public boolean active() {
        return ACTIVE.equals(state);
    }
}
