package dev.camelovershoot.transport;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.camelovershoot.transport.rtc.FrameBridge;
import dev.camelovershoot.transport.rtc.WebRtcRuntime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The legacy transport's peer connections are all closed by the time its frame bridge lets go of the track. */
class LegacyWebRtcReleaseTest {

    private static final WebRtcRuntime RUNTIME = new WebRtcRuntime();

    @AfterAll
    static void releaseWebRtc() {
        RUNTIME.close();
    }

    @Test
    void anOfferPreparedAgainForARetriedCreateDoesNotLeaveTheFirstPeerBehind() {
        ListAppender<ILoggingEvent> warnings = new ListAppender<>();
        Logger bridgeLog = (Logger) LoggerFactory.getLogger(FrameBridge.class);
        warnings.start();
        bridgeLog.addAppender(warnings);
        try {
            WebRtcTransport transport = new WebRtcTransport(RUNTIME, TransportSettings.defaults(2));
            transport.prepare().join();
            transport.prepare().join();

            transport.close();

            assertThat(warnings.list).extracting(ILoggingEvent::getFormattedMessage)
                    .noneMatch(message -> message.contains("still in use by a peer connection"));
        } finally {
            bridgeLog.detachAppender(warnings);
        }
    }
}
