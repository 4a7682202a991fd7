package dev.camelovershoot.testinfra.livekit;

import dev.camelovershoot.testinfra.rtc.WebRtcRuntime;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;

/** What rooms and participants share: media stack, token minting, the timer thread and the timings. */
record RoomContext(WebRtcRuntime webrtc, LiveKitTokens tokens, ScheduledExecutorService timers, Duration publisherGrace,
                   Duration refreshInterval, Duration refreshTokenTtl) {
}
