package dev.camelovershoot.testinfra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.camelovershoot.testinfra.livekit.LiveKitCredentials;
import dev.camelovershoot.testinfra.livekit.LiveKitTokens;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Who gets in: the emulator also runs as a self-hosted gateway, so its LiveKit rooms and its API must not be open to
 * whoever reaches the port. (Other keys' streams answer 404: {@code KeepaliveTest}.)
 */
class AccessControlTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void liveKitTokensAreSignedWithASecretMadeAtEachStart() throws Exception {
        try (OvershootEmulator first = OvershootEmulator.builder().build().start();
             OvershootEmulator second = OvershootEmulator.builder().build().start()) {
            Api.Reply created = new Api(first).create(Api.frameStream(1));
            String id = created.get("stream_id").asText();
            String token = created.get("livekit").get("token").asText();
            // LiveKit's public development key and secret, which the emulator used to sign with.
            String forged = new LiveKitTokens(new LiveKitCredentials("devkey", "secret"))
                    .mintPublishToken("eve", id, Duration.ofMinutes(5));

            assertThat(validate(first, token)).isEqualTo(200);
            assertThat(validate(first, forged)).isEqualTo(401);
            assertThat(validate(second, token)).as("another emulator's secret").isEqualTo(401);
        }
    }

    @Test
    void aGivenLiveKitSecretIsUsed() throws Exception {
        LiveKitCredentials mine = new LiveKitCredentials("mykey", "my-secret-of-at-least-thirty-two-chars");
        try (OvershootEmulator emulator = OvershootEmulator.builder()
                .liveKitCredentials(mine.apiKey(), mine.apiSecret()).build().start()) {
            String id = new Api(emulator).createStream(Api.frameStream(1));

            assertThat(validate(emulator, new LiveKitTokens(mine).mintPublishToken("me", id, Duration.ofMinutes(1))))
                    .isEqualTo(200);
        }
    }

    @Test
    void aNonLoopbackHostWithTheDefaultKeyIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> OvershootEmulator.builder().host("0.0.0.0").build())
                .withMessageContaining("ovs_emulator_key").withMessageContaining("--api-key");
        PrintStream out = new PrintStream(new ByteArrayOutputStream());
        assertThatIllegalArgumentException().isThrownBy(() -> EmulatorMain.start(new String[] {"--host", "0.0.0.0"}, out))
                .withMessageContaining("--api-key");

        OvershootEmulator.builder().host("0.0.0.0").apiKeys("ovs_my_own_key").build().close();
        OvershootEmulator.builder().host("localhost").build().close();
        OvershootEmulator.builder().host("::1").build().close();
    }

    private static int validate(OvershootEmulator emulator, String token) throws IOException, InterruptedException {
        URI uri = URI.create("http://127.0.0.1:" + emulator.port() + "/livekit/rtc/validate?access_token=" + token);
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
