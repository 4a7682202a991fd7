package dev.camelovershoot.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo: a generated sample video through {@code overshoot:} (the embedded emulator without
 * {@code OVERSHOOT_API_KEY}, the real service with it) into action events, written to
 * {@code demo-output/<timestamp>/}. Optional argument: the parent folder instead of {@code demo-output}.
 */
public final class DemoMain {

    private static final Logger LOG = LoggerFactory.getLogger(Demo.LOG_NAME);
    /** The whole analysis is bounded; with start-up and exports the demo ends within a minute. */
    static final Duration LIMIT = Duration.ofSeconds(45);

    private DemoMain() {
    }

    public static void main(String[] args) {
        try {
            DemoSettings settings = DemoSettings.fromEnvironment(System.getenv());
            Path parent = Path.of(args.length > 0 ? args[0] : "demo-output");
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
