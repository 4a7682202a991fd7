package dev.camelovershoot.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camelovershoot.testinfra.OvershootEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's service path: {@code DemoMain} in its own JVM, configured only by {@code OVERSHOOT_API_KEY},
 * {@code OVERSHOOT_API_URL} and {@code OVERSHOOT_MODEL} as a user would, against an emulator standing in for the
 * service (no key for the real one here). The key reaches the component from the environment, never from the URI.
 */
@Timeout(120)
class DemoServicePathTest {

    @Test
    void withAnApiKeyTheDemoUsesTheServiceAtTheGivenUrl(@TempDir Path parent) throws Exception {
        try (OvershootEmulator service = OvershootEmulator.builder().apiKeys("ovs_service_key")
                .backend(Demo.rules()).build().start()) {
            Path log = parent.resolve("demo.log");
            ProcessBuilder demo = new ProcessBuilder(javaCommand(), "-cp", System.getProperty("java.class.path"),
                    DemoMain.class.getName(), parent.resolve("out").toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            demo.environment().putAll(Map.of("OVERSHOOT_API_KEY", "ovs_service_key",
                    "OVERSHOOT_API_URL", service.baseUrl(),
                    "OVERSHOOT_MODEL", OvershootEmulator.DEFAULT_MODELS.get(0).model()));
            Process process = demo.start();
            boolean ended = process.waitFor(100, TimeUnit.SECONDS);
            if (!ended) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }

            String output = Files.readString(log);
            assertThat(ended).as("the demo ends by itself; output:%n%s", output).isTrue();
            assertThat(process.exitValue()).as(output).isZero();
            assertThat(output).contains("Using Overshoot at " + service.baseUrl())
                    .contains("summary: {").contains("waving=1").contains("thumbs up=1")
                    .doesNotContain("ovs_service_key");
            assertThat(service.requests()).anySatisfy(r -> assertThat(r.path()).endsWith("/streams"));
            assertThat(outputFolder(parent.resolve("out")))
                    .isDirectoryContaining("glob:**/actions.json").isDirectoryContaining("glob:**/timeline.png");
        }
    }

    private static Path outputFolder(Path out) throws Exception {
        try (Stream<Path> folders = Files.list(out)) {
            List<Path> all = folders.toList();
            assertThat(all).hasSize(1);
            return all.get(0);
        }
    }

    private static String javaCommand() {
        return ProcessHandle.current().info().command().orElse("java");
    }
}
