package dev.camelovershoot.livekit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camelovershoot.client.OvershootClient;
import dev.camelovershoot.client.StreamSession;
import dev.camelovershoot.client.Transport;
import dev.camelovershoot.client.wire.Inference;
import dev.camelovershoot.client.wire.LiveKitInfo;
import dev.camelovershoot.client.wire.Processing;
import dev.camelovershoot.client.wire.StreamRequest;
import dev.camelovershoot.testinfra.OvershootEmulator;
import dev.camelovershoot.testinfra.OvershootEmulatorExtension;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import livekit.LivekitRtc.LeaveRequest;
import livekit.LivekitRtc.SessionDescription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Signalling against the emulator's LiveKit endpoint. */
class SignalClientTest {

    @RegisterExtension
    static final OvershootEmulatorExtension EMULATOR = OvershootEmulatorExtension.create(b -> b.leaseTtlSeconds(10));

    private final OvershootEmulator emulator = EMULATOR.emulator();

    @Test
    void aRequestThatCouldNotBeSentFailsAtOnceInsteadOfAtItsReplyTimeout() {
        OvershootClient client = OvershootClient.builder().baseUrl(emulator.baseUrl()).apiKey(emulator.apiKey())
                .requestTimeout(Duration.ofSeconds(5)).build();
        StreamRequest request = StreamRequest.of(Processing.frame(0.5), Inference.of("What colour is it?",
                OvershootEmulator.DEFAULT_MODELS.get(0).model()));
        try (StreamSession session = StreamSession.builder(client, request).transport(Transport.none()).start();
             SignalClient signal = new SignalClient(HttpClient.newHttpClient(), new Ignoring(), Duration.ofSeconds(20))) {
            LiveKitInfo room = session.stream().livekit();
            signal.join(room.url(), room.token());

            signal.dropConnection();
            CompletableFuture<SessionDescription> answer = signal.offer("v=0");

            assertThat(answer).failsWithin(Duration.ofSeconds(3))
                    .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                    .havingCause().isInstanceOf(LiveKitException.class).withMessageContaining("Could not send");
        }
    }

    private static final class Ignoring implements SignalListener {
        @Override
        public void onRemoteCandidate(String candidateInitJson) {
        }

        @Override
        public void onLeave(LeaveRequest leave) {
        }

        @Override
        public void onSignalLost(String reason) {
        }
    }
}
