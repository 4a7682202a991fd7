package dev.camelovershoot.client.v1;

import java.time.Duration;
import java.time.Instant;

/**
 * One answer of a {@link Watch}, with what it was about.
 *
 * @param tick       the tick that asked, counted from 0 (skipped ticks leave gaps)
 * @param reference  the frame or window asked about, on the stream current at that time; {@code frame_index=-1}
 *                   is resolved by the service when the request arrives, between {@code askedAt} and the answer
 * @param askedAt    when the request was sent
 * @param latency    how long the answer took
 * @param completion the service's answer
 */
public record WatchAnswer(long tick, OvsReference reference, Instant askedAt, Duration latency,
                          ChatCompletion completion) {

    /** The answer's text. */
    public String content() {
        return completion.content();
    }
}
