package dev.camelovershoot.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The two lengths of the suite: {@code short} in the build's test command, {@code long} behind
 * {@code scripts/soak.sh} with the exact outages. Chosen with the system property {@code reliability.profile}.
 *
 * @param kills            outages of the emulator killed (SIGKILL) and started again with its state lost
 * @param blackhole        how long the network is blackholed
 * @param recoveryBound    how long a result may take to come after the service is back before the outage counts as
 *                         not survived
 * @param leaseTtlSeconds  the emulator's lease TTL (the real service: 45 s)
 * @param soak             how long the soak runs
 * @param soakFaultEvery   a fault this often during the soak
 */
record Profile(String name, List<Duration> kills, Duration blackhole, Duration recoveryBound, int leaseTtlSeconds,
               long reconnectDelayMillis, long reconnectMaxDelayMillis, long requestTimeoutMillis, Duration soak,
               Duration soakFaultEvery) {

    static Profile current() {
        Duration soak = Duration.ofSeconds(Long.getLong("reliability.soak.seconds", 180));
        if ("long".equals(System.getProperty("reliability.profile"))) {
            return new Profile("long", List.of(Duration.ofSeconds(5), Duration.ofSeconds(45), Duration.ofMinutes(3)),
                    Duration.ofSeconds(60), Duration.ofSeconds(120), 45, 1000, 30_000, 10_000, soak,
                    Duration.ofMinutes(3));
        }
        return new Profile("short", List.of(Duration.ofSeconds(5), Duration.ofSeconds(20)), Duration.ofSeconds(15),
                Duration.ofSeconds(30), 10, 200, 2000, 3000, soak, Duration.ofSeconds(25));
    }

    /** Where figures and logs go: {@code reliability.out}, default {@code target/reliability}. */
    static Path outputDir() throws java.io.IOException {
        return Files.createDirectories(Path.of(System.getProperty("reliability.out", "target/reliability")));
    }
}
