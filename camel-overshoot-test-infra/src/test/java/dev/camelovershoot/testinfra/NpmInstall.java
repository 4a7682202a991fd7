package dev.camelovershoot.testinfra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * Installs pinned npm packages for a test, once per folder. Skips the calling test when node/npm are missing or npm
 * cannot reach its registry (and every later test of that folder, without trying again); any other install failure
 * fails it.
 */
public final class NpmInstall {

    private static final Pattern REGISTRY_UNREACHABLE = Pattern.compile(
            "ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ECONNREFUSED|ECONNRESET|ENETUNREACH|network|proxy", Pattern.CASE_INSENSITIVE);

    /** Why a folder's packages cannot be installed here, once found out. */
    private static final Map<Path, String> UNAVAILABLE = new ConcurrentHashMap<>();

    private NpmInstall() {
    }

    /**
     * @param prefix  the folder ({@code node_modules} goes in it)
     * @param purpose what is skipped without the packages, for the skip message
     */
    public static synchronized Path installOrSkip(Path prefix, String purpose, NpmPackage... packages)
            throws IOException, InterruptedException {
        Assumptions.assumeTrue(!UNAVAILABLE.containsKey(prefix), () -> UNAVAILABLE.get(prefix));
        if (installedIn(prefix, packages)) {
            return prefix;
        }
        if (!onPath("node") || !onPath("npm")) {
            skip(prefix, "node and npm are not installed: " + purpose + " skipped");
        }
        Path output = Files.createDirectories(prefix).resolve("npm-install.log");
        Process npm = NpmPackage.startInstall(prefix, output, packages);
        boolean finished = npm.waitFor(3, TimeUnit.MINUTES);
        if (!finished) {
            npm.destroyForcibly();
        }
        String npmLog = Files.readString(output);
        if (finished && npm.exitValue() == 0) {
            return prefix;
        }
        if (!finished || REGISTRY_UNREACHABLE.matcher(npmLog).find()) {
            skip(prefix, "npm cannot reach its registry: " + purpose + " skipped (see " + output + ")");
        }
        throw new IllegalStateException("npm install into " + prefix + " failed:\n" + npmLog);
    }

    /** Whether {@code command --version} runs. */
    public static boolean onPath(String command) {
        try {
            return new ProcessBuilder(command, "--version").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean installedIn(Path prefix, NpmPackage... packages) throws IOException {
        for (NpmPackage p : packages) {
            if (!p.installedIn(prefix)) {
                return false;
            }
        }
        return true;
    }

    private static void skip(Path prefix, String reason) {
        UNAVAILABLE.put(prefix, reason);
        Assumptions.abort(reason);
    }
}
