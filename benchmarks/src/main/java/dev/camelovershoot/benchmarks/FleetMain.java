package dev.camelovershoot.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Only the sizing of one JVM ({@link FleetRun}), against the emulator in a child JVM: prints the {@code fleet_*}
 * figures. Arguments: {@code quick|full|tiny} (the steps and window, as in the whole benchmark) and the work
 * directory for the emulator's log.
 */
public final class FleetMain {

    private FleetMain() {
    }

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.named(args.length > 0 ? args[0] : "full");
        Path out = Files.createDirectories(Path.of(args.length > 1 ? args[1] : "benchmarks/target/bench-fleet"));
        int most = FleetRun.steps(settings).stream().mapToInt(Integer::intValue).max().orElse(1);
        try (ProbeProcess probe = ProbeProcess.start(most + 2, out.resolve("emulator.log"))) {
            List<ScaleStep> steps = FleetRun.run(probe, settings);
            Report.fleetFigures(steps).forEach(f -> System.out.println(f.line()));
        }
        System.exit(0);
    }
}
