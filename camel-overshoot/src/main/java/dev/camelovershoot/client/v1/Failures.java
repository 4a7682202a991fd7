package dev.camelovershoot.client.v1;

import dev.camelovershoot.client.NetworkException;
import dev.camelovershoot.client.OvershootException;
import dev.camelovershoot.client.RateLimitException;
import dev.camelovershoot.client.ServerException;
import java.time.Duration;

/** Which failures another try may fix, and how long to wait before it. */
final class Failures {

    private Failures() {
    }

    /** Network failures, timeouts, 429 and 5xx; 400, 401, 402, 403, 404 and 422 will not change by retrying. */
    static boolean isTransient(OvershootException failure) {
        return failure instanceof NetworkException || failure instanceof ServerException
                || failure instanceof RateLimitException;
    }

    /** The backoff's wait, or longer when a 429 asked for more. */
    static Duration wait(OvershootException failure, Duration backoff) {
        if (failure instanceof RateLimitException limited && limited.retryAfter().isPresent()
                && limited.retryAfter().get().compareTo(backoff) > 0) {
            return limited.retryAfter().get();
        }
        return backoff;
    }
}
