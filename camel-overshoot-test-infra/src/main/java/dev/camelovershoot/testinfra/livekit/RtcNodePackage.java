package dev.camelovershoot.testinfra.livekit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code @livekit/rtc-node}, the official LiveKit Node SDK, installed from npm into a folder of the caller's: the
 * reference client that the emulator's cross-check test and the benchmarks run against the emulator. One version
 * for both, so their results compare.
 */
public final class RtcNodePackage {

    public static final String VERSION = "1.1.0";
    public static final String SPEC = "@livekit/rtc-node@" + VERSION;

    private RtcNodePackage() {
    }

    /** Whether {@link #VERSION} is installed under {@code prefix}. */
    public static boolean installedIn(Path prefix) throws IOException {
        Path installed = prefix.resolve("node_modules/@livekit/rtc-node/package.json");
        return Files.exists(installed) && Files.readString(installed).contains("\"version\": \"" + VERSION + "\"");
    }

    /**
     * Starts {@code npm install} of {@link #SPEC} into {@code prefix}, output to {@code log}; the caller waits with
     * its own bound. Few, short retries: an unreachable registry is told in seconds, not minutes.
     */
    public static Process startInstall(Path prefix, Path log) throws IOException {
        Files.createDirectories(prefix);
        return new ProcessBuilder("npm", "install", "--prefer-offline", "--no-audit", "--no-fund",
                "--fetch-retries=1", "--fetch-retry-mintimeout=1000", "--fetch-retry-maxtimeout=3000",
                "--fetch-timeout=15000", "--prefix", prefix.toString(), SPEC)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }
}
