package dev.camelovershoot.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.camelovershoot.transport.rtc.WebRtcRuntime;
import dev.onvoid.webrtc.RTCIceCandidate;
import dev.onvoid.webrtc.RTCPeerConnectionState;
import dev.onvoid.webrtc.RTCRtpCodecCapability;
import dev.onvoid.webrtc.media.MediaType;
import dev.onvoid.webrtc.media.video.CustomVideoSource;
import dev.onvoid.webrtc.media.video.VideoTrack;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A peer that cannot be set up releases its native connection: a rejoin retried for hours must not leak one each time. */
class PublisherPeerTest {

    private RecordingFactory factory;
    private CustomVideoSource source;
    private VideoTrack track;

    @BeforeAll
    static void loadWebRtc() {
        try (WebRtcRuntime runtime = new WebRtcRuntime()) {
            runtime.factory();
        }
    }

    @AfterEach
    void release() {
        source.dispose();
        factory.dispose();
    }

    @Test
    void aPeerWhoseCodecPreferencesAreRefusedClosesItsConnectionAndLetsGoOfTheTrack() {
        factory = RecordingFactory.create();
        source = new CustomVideoSource();
        track = factory.createVideoTrack("TR_refused", source);
        // a VP8 at a clock rate libwebrtc does not offer: setCodecPreferences refuses the list
        factory.announceSenderCodecs(List.of(new RTCRtpCodecCapability(MediaType.VIDEO, "VP8", 12345, null, Map.of())));

        Throwable refused = catchThrowable(() -> new PublisherPeer(factory, List.of(), track, "vp8", new Ignoring()));

        assertThat(factory.created()).singleElement()
                .satisfies(pc -> assertThat(pc.getConnectionState()).isEqualTo(RTCPeerConnectionState.CLOSED));
        assertThatCode(track::dispose).doesNotThrowAnyException();
        assertThat(refused).isInstanceOf(IllegalStateException.class).hasMessageContaining("codec preferences");
    }

    @Test
    void anAnswerWebRtcCannotParseFailsTheAttemptInsteadOfTheCallingThread() throws Exception {
        factory = RecordingFactory.create();
        source = new CustomVideoSource();
        track = factory.createVideoTrack("TR_answer", source);
        PublisherPeer peer = new PublisherPeer(factory, List.of(), track, "vp8", new Ignoring());
        try {
            peer.offer(false).get(10, TimeUnit.SECONDS);

            CompletableFuture<Void> applied = peer.applyAnswer("this is not an SDP answer");

            assertThat(catchThrowable(() -> applied.get(10, TimeUnit.SECONDS)))
                    .hasCauseInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("setRemoteDescription failed");
        } finally {
            peer.close();
        }
    }

    private static final class Ignoring implements PublisherPeer.Listener {
        @Override
        public void onLocalCandidate(RTCIceCandidate candidate) {
        }

        @Override
        public void onConnectionChange(RTCPeerConnectionState state) {
        }
    }
}
