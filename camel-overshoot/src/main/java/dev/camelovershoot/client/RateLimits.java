package dev.camelovershoot.client;

import java.net.http.HttpHeaders;
import java.util.OptionalLong;

/**
 * The per-key request rate as the v1 service reports it in {@code x-ratelimit-*} headers, on answers and refusals.
 *
 * @param limit     {@code x-ratelimit-limit}: requests allowed per second
 * @param remaining {@code x-ratelimit-remaining}: requests left in the current second
 * @param reset     {@code x-ratelimit-reset}: epoch seconds when the current window resets
 */
public record RateLimits(long limit, long remaining, long reset) {

    /** The headers' values; {@code null} unless all three are present and numeric. */
    public static RateLimits of(HttpHeaders headers) {
        OptionalLong limit = number(headers, "x-ratelimit-limit");
        OptionalLong remaining = number(headers, "x-ratelimit-remaining");
        OptionalLong reset = number(headers, "x-ratelimit-reset");
        return limit.isPresent() && remaining.isPresent() && reset.isPresent()
                ? new RateLimits(limit.getAsLong(), remaining.getAsLong(), reset.getAsLong()) : null;
    }

    private static OptionalLong number(HttpHeaders headers, String name) {
        try {
            return headers.firstValue(name).map(String::trim).map(Long::parseLong).map(OptionalLong::of)
                    .orElse(OptionalLong.empty());
        } catch (NumberFormatException unreadable) {
            return OptionalLong.empty();
        }
    }
}
