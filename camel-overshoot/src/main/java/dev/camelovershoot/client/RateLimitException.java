package dev.camelovershoot.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Optional;

/** 429: too many requests or too many concurrent streams for this key. */
public class RateLimitException extends ApiException {

    private final Duration retryAfter;
    private final RateLimits rateLimits;

    public RateLimitException(String message, String errorCode, String requestId, JsonNode details,
                              Duration retryAfter) {
        this(message, errorCode, requestId, details, retryAfter, null);
    }

    public RateLimitException(String message, String errorCode, String requestId, JsonNode details,
                              Duration retryAfter, RateLimits rateLimits) {
        super(message, 429, errorCode, requestId, details);
        this.retryAfter = retryAfter;
        this.rateLimits = rateLimits;
    }

    /** How long the service asked to wait ({@code Retry-After}), when it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** The {@code x-ratelimit-*} headers of the refusal (v1), when the service sent them. */
    public Optional<RateLimits> rateLimits() {
        return Optional.ofNullable(rateLimits);
    }
}
