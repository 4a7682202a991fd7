package dev.camelovershoot.testinfra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.camelovershoot.testinfra.inference.RulesBackend;
import dev.camelovershoot.testinfra.inference.ScriptedBackend;
import dev.camelovershoot.testinfra.livekit.LiveKitCredentials;
import dev.camelovershoot.testinfra.livekit.LiveKitTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmulatorMainTest {

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(stdout, true, StandardCharsets.UTF_8);

    @Test
    void startsFromTheCommandLineAndPrintsTheListeningLines() {
        try (OvershootEmulator emulator = EmulatorMain.start(new String[] {"--port", "0", "--api-key", "ovs_one",
                "--api-key", "ovs_two", "--lease-ttl", "7", "--backend", "scripted", "--v1-lease-ttl", "9",
                "--stream-limit", "1"}, out)) {
            assertThat(stdout.toString(StandardCharsets.UTF_8)).isEqualTo(
                    "Overshoot emulator listening on http://127.0.0.1:" + emulator.port() + "/v0.2"
                            + System.lineSeparator()
                            + "Overshoot emulator listening on http://127.0.0.1:" + emulator.port() + "/v1beta"
                            + System.lineSeparator());
            assertThat(Api.v1(emulator).as("ovs_one").post("/streams", "{}").get("ttl_seconds").asInt()).isEqualTo(9);
            assertThat(emulator.apiKeys()).containsExactly("ovs_one", "ovs_two");
            assertThat(emulator.backend()).isInstanceOf(ScriptedBackend.class);
            Api.Reply created = new Api(emulator).as("ovs_two").create(Api.frameStream(1));
            assertThat(created.get("lease").get("ttl_seconds").asInt()).isEqualTo(7);
            assertThat(new Api(emulator).as("ovs_two").create(Api.frameStream(1)).status()).as("past --stream-limit 1")
                    .isEqualTo(429);
        }
    }

    @Test
    void passesBackendOptionsToTheBackend(@TempDir Path dir) throws Exception {
        Path rules = Files.writeString(dir.resolve("rules.json"), "{\"rules\": []}");
        try (OvershootEmulator emulator = EmulatorMain.start(new String[] {"--host", "127.0.0.1", "--base-path",
                "/api/v0.2", "--backend", "rules", "--rules", rules.toString()}, out)) {
            assertThat(emulator.backend()).isInstanceOf(RulesBackend.class);
            assertThat(emulator.baseUrl()).endsWith("/api/v0.2");
        }
    }

    @Test
    void takesCorsOriginsAndTheLiveKitSecret() throws Exception {
        LiveKitCredentials given = new LiveKitCredentials("mykey", "a-secret-of-at-least-thirty-two-chars");
        try (OvershootEmulator emulator = EmulatorMain.start(new String[] {"--cors-origins",
                "http://a.test, http://b.test:8080", "--livekit-key", given.apiKey(), "--livekit-secret",
                given.apiSecret()}, out)) {
            String token = new Api(emulator).create(Api.frameStream(1)).get("livekit").get("token").asText();

            assertThat(new LiveKitTokens(given).verify(token).identity()).isNotBlank();
            assertThat(preflight(emulator, "http://b.test:8080")).isEqualTo(204);
            assertThat(preflight(emulator, "http://c.test")).isEqualTo(403);
        }
    }

    @Test
    void rejectsInvalidArguments() {
        assertThatIllegalArgumentException().isThrownBy(() -> EmulatorMain.start(new String[] {"--bogus", "1"}, out))
                .withMessageContaining("--bogus");
        assertThatIllegalArgumentException().isThrownBy(() -> EmulatorMain.start(new String[] {"--port"}, out));
        assertThatIllegalArgumentException().isThrownBy(() -> EmulatorMain.start(new String[] {"--port", "x"}, out));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> EmulatorMain.start(new String[] {"--backend", "magic"}, out));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> EmulatorMain.start(new String[] {"--backend", "rules"}, out))
                .withMessageContaining("--rules");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> EmulatorMain.start(new String[] {"--allow-private-cameras", "yes"}, out))
                .withMessageContaining("true or false");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> EmulatorMain.start(new String[] {"--livekit-key", "k"}, out))
                .withMessageContaining("--livekit-secret");
        assertThat(stdout.size()).isZero();
    }

    private static int preflight(OvershootEmulator emulator, String origin) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/streams"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", origin)
                .header("Access-Control-Request-Method", "POST").timeout(Duration.ofSeconds(5)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
