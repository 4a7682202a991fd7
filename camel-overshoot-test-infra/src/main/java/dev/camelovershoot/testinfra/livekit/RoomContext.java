package dev.camelovershoot.testinfra.livekit;

import dev.camelovershoot.testinfra.rtc.WebRtcRuntime;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What rooms and participants share: media stack, token minting, the timer thread, the timings, and how many of the
 * next SDP answers a test wants malformed.
 */
record RoomContext(WebRtcRuntime webrtc, LiveKitTokens tokens, ScheduledExecutorService timers, Duration publisherGrace,
                   Duration refreshInterval, Duration refreshTokenTtl, AtomicInteger malformedAnswers) {

    /** The answer to send: {@code sdp}, or, while malformed answers are queued, text that is no SDP at all. */
    String answerSdp(String sdp) {
        return malformedAnswers.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? "v=0\r\nthis is not SDP\r\n" : sdp;
    }
}
