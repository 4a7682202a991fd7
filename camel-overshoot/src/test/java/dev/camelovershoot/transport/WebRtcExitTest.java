package dev.camelovershoot.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A process that used WebRTC and released it in order exits cleanly: libwebrtc's complaints at shutdown come explained,
 * and the two lines webrtc-java's native code prints after the JVM is gone are announced by a log line first.
 */
class WebRtcExitTest {

    private static final String ATTACH_NOISE = "VM attach current thread failed";
    private static final String NOTE = "JVM exit: webrtc-java's native code may now print";

    @Test
    void aProcessThatUsedWebRtcExplainsWhatWebRtcJavaPrintsAtExit() throws Exception {
        List<String> lines = run(WebRtcExitMain.class);

        assertThat(lines).contains("released");
        assertThat(lines).anySatisfy(line -> assertThat(line).contains(NOTE)
                .contains("docs/troubleshooting.md#webrtc-messages-at-shutdown-and-exit"));
        int note = indexOf(lines, NOTE);
        int noise = lines.indexOf(ATTACH_NOISE);
        if (noise >= 0) {
            assertThat(note).as("output:%n%s", String.join("\n", lines)).isLessThan(noise);
        }
        assertThat(lines).filteredOn(line -> line.contains("Native object was not deleted"))
                .allSatisfy(line -> assertThat(line).contains("INFO").contains("expected when WebRTC shuts down"));
        assertThat(lines).noneMatch(line -> line.contains("ERROR") || line.contains("Exception"));
    }

    private static List<String> run(Class<?> main) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                main.getName()).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        return new String(output, StandardCharsets.UTF_8).lines().toList();
    }

    private static int indexOf(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        return -1;
    }
}
