package dev.camelovershoot.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Optional;

/** 429: too many requests or too many concurrent streams for this key. */
public class RateLimitException extends ApiException {

    private final Duration retryAfter;

    public RateLimitException(String message, String errorCode, String requestId, JsonNode details,
                              Duration retryAfter) {
        super(message, 429, errorCode, requestId, details);
        this.retryAfter = retryAfter;
    }

    /** How long the service asked to wait ({@code Retry-After}), when it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
