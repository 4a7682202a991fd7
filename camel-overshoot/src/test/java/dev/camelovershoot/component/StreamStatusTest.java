package dev.camelovershoot.component;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camelovershoot.client.OvershootException;
import dev.camelovershoot.client.StreamEvent;
import org.junit.jupiter.api.Test;

/** How each lifecycle event reads in the health check. */
class StreamStatusTest {

    @Test
    void onlyAConnectedResultsChannelIsConnected() {
        assertThat(StreamStatus.after(StreamEvent.connected("s1"), null).connected()).isTrue();
        assertThat(StreamStatus.after(StreamEvent.recovered("s1"), null).connected()).isTrue();
        assertThat(StreamStatus.starting().reason()).isEqualTo("the stream is being created");
        assertThat(StreamStatus.after(StreamEvent.created("s1"), null).reason())
                .isEqualTo("stream s1 created; its results channel is not open yet");
        assertThat(StreamStatus.after(StreamEvent.reconnecting("s1", 2), null).reason())
                .isEqualTo("the results channel of stream s1 dropped; reconnecting (attempt 2)");
        assertThat(StreamStatus.after(StreamEvent.recreated("s2", "s1", "lease_expired"), null).reason())
                .isEqualTo("stream s1 was lost (lease_expired) and replaced by stream s2, which is connecting");
    }

    @Test
    void anEndSaysWhyAndWhichErrorCausedIt() {
        StreamStatus ended = StreamStatus.after(StreamEvent.ended("s1", "error"), new OvershootException("socket gone"));

        assertThat(ended.ended()).isTrue();
        assertThat(ended.reason()).isEqualTo("stream s1 ended: error (socket gone)");
        assertThat(StreamStatus.failedToStart("401").reason()).isEqualTo("the stream could not be started: 401");
    }
}
