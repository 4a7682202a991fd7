package dev.camelovershoot.testinfra.v1;

import java.util.HashMap;
import java.util.Map;

/**
 * The service's per-key requests-per-second limit on chat completions: a fixed one-second window per key, reported
 * in {@code x-ratelimit-*} headers; past the limit a 429 with {@code retry-after: 1}.
 */
final class RateLimiter {

    private record Window(long second, int used) {
    }

    private final int limit;
    private final Map<String, Window> windows = new HashMap<>();

    RateLimiter(int limit) {
        this.limit = limit;
    }

    /**
     * Counts one request of {@code apiKey}; answers the headers to send.
     *
     * @throws V1Error 429 when the key used its requests for this second
     */
    Map<String, String> acquire(String apiKey) {
        long second = System.currentTimeMillis() / 1000;
        int used;
        synchronized (windows) {
            Window window = windows.get(apiKey);
            used = window == null || window.second() != second ? 1 : window.used() + 1;
            windows.put(apiKey, new Window(second, used));
        }
        Map<String, String> headers = headers(Math.max(0, limit - used), second + 1);
        if (used > limit) {
            throw tooMany(headers, "Rate limit exceeded: " + limit + " requests per second per API key");
        }
        return headers;
    }

    /** A 429 as the service sends it, e.g. for an injected fault. */
    V1Error tooMany(String message) {
        return tooMany(headers(0, System.currentTimeMillis() / 1000 + 1), message);
    }

    private V1Error tooMany(Map<String, String> headers, String message) {
        Map<String, String> all = new HashMap<>(headers);
        all.put("retry-after", "1");
        return V1Error.chat(429, "rate_limit_error", "rate_limited", message, all);
    }

    private Map<String, String> headers(int remaining, long resetSecond) {
        return Map.of("x-ratelimit-limit", Integer.toString(limit), "x-ratelimit-remaining",
                Integer.toString(remaining), "x-ratelimit-reset", Long.toString(resetSecond));
    }
}
