package dev.camelovershoot.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo: a generated sample video through {@code overshoot:} (the embedded emulator without
 * {@code OVERSHOOT_API_KEY}, the real service with it) into action events, written to
 * {@code demo-output/<timestamp>/}. Optional arguments: {@code --v1} (tell the story on API v1, as
 * {@code OVERSHOOT_API_VERSION=v1} does) and the parent folder instead of {@code demo-output}.
 */
public final class DemoMain {

    private static final Logger LOG = LoggerFactory.getLogger(Demo.LOG_NAME);
    /** The whole analysis is bounded; with start-up and exports the demo ends within a minute. */
    static final Duration LIMIT = Duration.ofSeconds(45);

    private DemoMain() {
    }

    public static void main(String[] args) {
        try {
            List<String> arguments = new ArrayList<>(List.of(args));
            boolean v1 = arguments.remove("--v1");
            DemoSettings settings = DemoSettings.fromEnvironment(System.getenv(), v1);
            Path parent = Path.of(arguments.isEmpty() ? "demo-output" : arguments.get(0));
            Path folder = Files.createDirectories(
                    parent.resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))));
            Demo.Outcome outcome = new Demo(settings, LIMIT).run(folder);
            report(outcome);
            System.exit(0);
        } catch (IllegalArgumentException e) {
            LOG.error(e.getMessage());
            System.exit(2);
        } catch (Exception e) {
            LOG.error("The demo failed: {}", e.toString(), e);
            System.exit(1);
        }
    }

    static void report(Demo.Outcome outcome) {
        LOG.info("{} results, {} events; summary: {}", outcome.results(), outcome.store().size(),
                outcome.store().summary());
        LOG.info("Wrote sample.mp4, actions.json, actions.csv and timeline.png to {}",
                outcome.folder().toAbsolutePath());
    }
}
