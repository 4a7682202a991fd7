package dev.camelovershoot.component;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camelovershoot.client.OvershootException;
import dev.camelovershoot.client.StreamEvent;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** How each lifecycle event reads in the health checks. */
class StreamStatusTest {

    private static final Instant T0 = Instant.parse("2026-12-03T06:00:00Z");
    private static final Instant T1 = T0.plusSeconds(5);

    @Test
    void followsTheLifecycleEvents() {
        StreamStatus starting = StreamStatus.starting();
        assertThat(starting.reason()).isEqualTo("the stream is being created");
        StreamStatus created = starting.after(StreamEvent.created("s1"), null, T0);
        assertThat(created.reason()).isEqualTo("stream s1 created; its results channel is not open yet");
        StreamStatus connected = created.after(StreamEvent.connected("s1"), null, T0);
        assertThat(connected.connected()).isTrue();
        assertThat(connected.after(StreamEvent.recovered("s1"), null, T0).connected()).isTrue();
        assertThat(connected.after(StreamEvent.recreated("s2", "s1", "lease_expired"), null, T0).reason())
                .isEqualTo("stream s1 was lost (lease_expired) and replaced by stream s2, which is connecting");
    }

    @Test
    void aRetryTellsTheAttemptTheErrorAndSinceWhenTheStreamIsDown() {
        StreamStatus connected = StreamStatus.starting().after(StreamEvent.connected("s1"), null, T0);

        StreamStatus first = connected.after(StreamEvent.reconnecting("s1", 1, "connection refused"), null, T0);
        StreamStatus second = first.after(StreamEvent.reconnecting("s1", 2, "HTTP 503"), null, T1);

        assertThat(second.reason()).isEqualTo("not connected, trying again (attempt 2) after: HTTP 503");
        assertThat(second.lastError()).isEqualTo("HTTP 503");
        assertThat(second.attempts()).isEqualTo(2);
        assertThat(second.lastLive()).isEqualTo(T0);
        StreamStatus healed = second.after(StreamEvent.connected("s2"), null, T1);
        assertThat(healed.connected()).isTrue();
        assertThat(healed.lastError()).isNull();
        assertThat(healed.attempts()).isZero();
    }

    @Test
    void aStreamThatNeverConnectedHasNoLastLiveTime() {
        StreamStatus retrying = StreamStatus.starting().after(StreamEvent.reconnecting(null, 1, "refused"), null, T0);

        assertThat(retrying.lastLive()).isNull();
        assertThat(retrying.streamId()).isNull();
    }

    @Test
    void anEndAfterAnErrorSaysWhatTheErrorWas() {
        OvershootException error = new OvershootException("socket gone");
        StreamStatus ended = StreamStatus.starting().after(StreamEvent.ended("s1", "error"), error, T0);

        assertThat(ended.ended()).isTrue();
        assertThat(ended.reason()).isEqualTo("stream s1 ended: error (socket gone)");
        assertThat(ended.failure()).isSameAs(error);
        assertThat(StreamStatus.starting().after(StreamEvent.ended(null, "error"), error, T0).reason())
                .isEqualTo("the stream ended: error (socket gone)");
    }
}
