package dev.camelovershoot.testinfra.livekit;

import dev.camelovershoot.testinfra.NpmPackage;
import java.io.IOException;
import java.nio.file.Path;

/**
 * {@code @livekit/rtc-node}, the official LiveKit Node SDK, installed from npm into a folder of the caller's: the
 * reference client that the emulator's cross-check test and the benchmarks run against the emulator. One version
 * for both, so their results compare.
 */
public final class RtcNodePackage {

    public static final NpmPackage PACKAGE = new NpmPackage("@livekit/rtc-node", "1.1.0");
    public static final String SPEC = PACKAGE.spec();

    private RtcNodePackage() {
    }

    /** Whether {@link #PACKAGE}'s version is installed under {@code prefix}. */
    public static boolean installedIn(Path prefix) throws IOException {
        return PACKAGE.installedIn(prefix);
    }

    /** Starts {@code npm install} of {@link #SPEC} into {@code prefix} (see {@link NpmPackage#startInstall}). */
    public static Process startInstall(Path prefix, Path log) throws IOException {
        return NpmPackage.startInstall(prefix, log, PACKAGE);
    }
}
