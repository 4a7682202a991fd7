package dev.camelovershoot.testinfra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One exact version of an npm package, installed into a folder of the caller's: the real clients (LiveKit's and
 * Overshoot's) that tests and benchmarks run against the emulator. Versions are pinned where the packages are named
 * ({@code RtcNodePackage}, the browser check's packages), so that results compare from run to run.
 *
 * @param name    the package name, e.g. {@code @livekit/rtc-node}
 * @param version an exact version
 */
public record NpmPackage(String name, String version) {

    public NpmPackage {
        if (!Pattern.matches("\\d+\\.\\d+\\.\\d+(-[\\w.]+)?", version)) {
            throw new IllegalArgumentException("pin an exact version of " + name + ", not " + version);
        }
    }

    /** {@code name@version}, what {@code npm install} takes. */
    public String spec() {
        return name + "@" + version;
    }

    /** Whether this version is installed under {@code prefix}. */
    public boolean installedIn(Path prefix) throws IOException {
        Path installed = prefix.resolve("node_modules").resolve(name).resolve("package.json");
        return Files.exists(installed) && Files.readString(installed).contains("\"version\": \"" + version + "\"");
    }

    /**
     * Starts {@code npm install} of {@code packages} into {@code prefix}, output to {@code log}; the caller waits with
     * its own bound. Few, short retries: an unreachable registry is told in seconds, not minutes.
     */
    public static Process startInstall(Path prefix, Path log, NpmPackage... packages) throws IOException {
        Files.createDirectories(prefix);
        List<String> command = new ArrayList<>(List.of("npm", "install", "--prefer-offline", "--no-audit", "--no-fund",
                "--fetch-retries=1", "--fetch-retry-mintimeout=1000", "--fetch-retry-maxtimeout=3000",
                "--fetch-timeout=15000", "--prefix", prefix.toString()));
        for (NpmPackage p : packages) {
            command.add(p.spec());
        }
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }
}
