package dev.camelovershoot.client;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * v1: an {@code ovs://} reference named an exact frame the stream does not hold: not produced yet
 * ({@code frame_not_yet_produced}, 409; one vendor page says 422) or already evicted ({@code frame_evicted}, 410).
 * Asking again later may succeed for the first, never for the second.
 */
public class FrameUnavailableException extends ApiException {

    public static final String NOT_YET_PRODUCED = "frame_not_yet_produced";
    public static final String EVICTED = "frame_evicted";

    public FrameUnavailableException(String message, int status, String errorCode, String requestId,
                                     JsonNode details) {
        super(message, status, errorCode, requestId, details);
    }

    /** The frame has not arrived yet; it may by the next request. */
    public boolean notYetProduced() {
        return NOT_YET_PRODUCED.equals(errorCode());
    }

    /** The frame has left the stream's retention window. */
    public boolean evicted() {
        return EVICTED.equals(errorCode());
    }
}
