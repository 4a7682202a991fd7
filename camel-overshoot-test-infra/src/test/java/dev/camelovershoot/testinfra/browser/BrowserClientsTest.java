package dev.camelovershoot.testinfra.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelovershoot.testinfra.NpmInstall;
import dev.camelovershoot.testinfra.OvershootEmulator;
import dev.camelovershoot.testinfra.OvershootEmulatorExtension;
import dev.camelovershoot.testinfra.StreamSnapshot;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The official browser clients, unchanged, in headless Chromium (Debian's package) against the emulator, from a page
 * on its own origin: (a) {@code livekit-client} publishes a canvas track into a native stream; (b) {@code
 * @overshoot/sdk}'s {@code RealtimeVision} streams the fake camera over legacy WebRTC. Both must get results naming
 * the colours they sent, in order.
 */
class BrowserClientsTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final long CHECK_MILLIS = 25_000;
    private static final String NEW_PROMPT = "Which colour is it now?";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Keepalives every 2 s from the SDK (it renews at half the TTL), so the test sees some. */
    @RegisterExtension
    static final OvershootEmulatorExtension EMULATOR = OvershootEmulatorExtension.create(b -> b.leaseTtlSeconds(4));

    private static Path prefix;
    private static PageServer page;

    @BeforeAll
    static void installAndServe() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "Chromium is not installed (" + CHROMIUM + "; "
                + "scripts/prereqs.sh installs Debian's chromium package when run as root): browser check skipped");
        Path target = Path.of(BrowserClientsTest.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .getParent();
        prefix = NpmInstall.installOrSkip(target.resolve("browser"), "browser check", BrowserPackages.ALL);
        Path modules = prefix.resolve("node_modules");
        page = new PageServer(Map.of(
                "/clients.html", resource("clients.html"),
                "/lib/livekit-client.umd.js", modules.resolve("livekit-client/dist/livekit-client.umd.js"),
                "/lib/overshoot-sdk.mjs", modules.resolve("@overshoot/sdk/dist/index.mjs")));
    }

    @AfterAll
    static void stopServing() {
        if (page != null) {
            page.close();
        }
    }

    @Test
    void livekitClientPublishesACanvasIntoANativeStream() throws Exception {
        JsonNode report = run("livekit", "-");

        assertThat(coloursOf(report)).containsSubsequence("red", "blue");
        assertThat(report.get("deleteStatus").asInt()).isEqualTo(200);
        assertAllCallsAnswered(report, "POST /streams 201", "POST /streams/" + report.get("streamId").asText()
                + "/keepalive 200");
        StreamSnapshot stream = emulator().stream(report.get("streamId").asText()).orElseThrow();
        assertThat(stream.sourceType()).isEqualTo("native");
        assertThat(stream.endReason()).isEqualTo("client_requested");
    }

    @Test
    void overshootSdkStreamsTheCameraOverLegacyWebRtc() throws Exception {
        Path camera = FakeCamera.write(prefix.resolve("red-then-blue.y4m"), new String[] {"red", "blue"},
                new int[] {4, 8});

        JsonNode report = run("sdk", camera.toString());

        assertThat(report.get("errors")).as("the SDK's onError").isEmpty();
        assertThat(coloursOf(report)).containsSubsequence("red", "blue");
        List<String> prompts = texts(report.get("prompts"));
        assertThat(prompts.subList(prompts.indexOf(NEW_PROMPT), prompts.size())).containsOnly(NEW_PROMPT);
        String id = report.get("streamId").asText();
        assertAllCallsAnswered(report, "POST /streams 201", "PATCH /streams/" + id + "/config/prompt 200",
                "POST /streams/" + id + "/keepalive 200");
        StreamSnapshot stream = emulator().stream(id).orElseThrow();
        assertThat(stream.sourceType()).isEqualTo("webrtc");
        assertThat(stream.keepalives()).isPositive();
        assertThat(stream.prompt()).isEqualTo(NEW_PROMPT);
    }

    /** Runs one check of the page in a fresh Chromium and answers the page's report. */
    private static JsonNode run(String check, String cameraFile) throws Exception {
        Path log = Files.createDirectories(prefix.resolve("logs")).resolve(check + ".log");
        String url = page.origin() + "/clients.html?check=" + check + "&api=" + encode(emulator().baseUrl())
                + "&key=" + encode(emulator().apiKey());
        ProcessBuilder builder = new ProcessBuilder("node", resource("drive.cjs").toString(), url, cameraFile,
                Long.toString(CHECK_MILLIS)).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("NODE_PATH", prefix.resolve("node_modules").toString());
        Process driver = builder.start();
        try {
            if (!driver.waitFor(CHECK_MILLIS + 20_000, TimeUnit.MILLISECONDS)) {
                throw new AssertionError("the browser check did not finish; see " + log);
            }
        } finally {
            driver.descendants().forEach(ProcessHandle::destroyForcibly);
            driver.destroyForcibly();
        }
        List<String> lines = Files.readAllLines(log);
        String reportLine = lines.stream().filter(l -> l.startsWith("REPORT ")).findFirst()
                .orElseThrow(() -> new AssertionError("no report from the browser:\n" + String.join("\n", lines)));
        JsonNode report = JSON.readTree(reportLine.substring("REPORT ".length()));
        assertThat(report.has("error")).as("%s%n%s", report, String.join("\n", lines)).isFalse();
        return report;
    }

    private static void assertAllCallsAnswered(JsonNode report, String... expected) {
        List<String> calls = new ArrayList<>();
        report.get("calls").forEach(c -> calls.add(c.get("method").asText() + " " + c.get("path").asText() + " "
                + (c.has("status") ? c.get("status").asText() : c.path("error").asText())));
        assertThat(calls).as("cross-origin calls, as the page saw them").contains(expected)
                .allSatisfy(c -> assertThat(c).matches(".* 20[014]"));
    }

    private static List<String> coloursOf(JsonNode report) {
        return texts(report.get("colours"));
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static OvershootEmulator emulator() {
        return EMULATOR.emulator();
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(BrowserClientsTest.class.getResource("/browser/" + name).toURI());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
