package dev.camelovershoot.testinfra.rtc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Loads webrtc-java's native library once per JVM and turns the ways that fails into one clear message. A class
 * whose static initialiser failed cannot be initialised again, so the first failure is remembered and rethrown.
 */
final class NativeWebRtc {

    private static final String FACTORY_CLASS = "dev.onvoid.webrtc.PeerConnectionFactory";
    /** webrtc-java copies its library to a temp file with this prefix and leaves it behind when loading fails. */
    private static final String TEMP_COPY_PREFIX = "libwebrtc-java-";

    private static boolean loaded;
    private static WebRtcUnavailableException failure;

    private NativeWebRtc() {
    }

    static synchronized void ensureLoaded() {
        if (loaded) {
            return;
        }
        if (failure != null) {
            throw failure;
        }
        try {
            load();
            loaded = true;
        } catch (WebRtcUnavailableException e) {
            failure = e;
            throw e;
        }
    }

    private static void load() {
        String library = System.mapLibraryName("webrtc-java-" + platform());
        if (NativeWebRtc.class.getClassLoader().getResource(library) == null) {
            throw new WebRtcUnavailableException("webrtc-java's native library " + library + " is not on the class path: add "
                    + "dev.onvoid.webrtc:webrtc-java with the classifier for this platform (" + platform() + ")", null);
        }
        Set<Path> tempCopiesBefore = tempCopies();
        try {
            Class.forName(FACTORY_CLASS, true, NativeWebRtc.class.getClassLoader());
        } catch (Throwable e) {
            deleteNewTempCopies(tempCopiesBefore);
            throw new WebRtcUnavailableException(explain(e), e);
        }
    }

    /** The message for a failed load: names the missing system package when it is the usual one. */
    static String explain(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (message.contains("libpulse.so")) {
                return "webrtc-java's native library needs libpulse.so.0 (PulseAudio client library, even without sound): "
                        + "install the Debian/Ubuntu package libpulse0 (apt-get install libpulse0)";
            }
        }
        return "webrtc-java's native library could not be loaded on " + platform() + ": " + rootCause(error);
    }

    private static String rootCause(Throwable error) {
        Throwable t = error;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    private static String platform() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        String family = os.startsWith("mac") ? "macos" : os.startsWith("windows") ? "windows" : "linux";
        String cpu = switch (arch) {
            case "amd64", "x86_64", "x86-64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            default -> arch;
        };
        return family + "-" + cpu;
    }

    private static Set<Path> tempCopies() {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        try (Stream<Path> files = Files.list(tmp)) {
            Set<Path> copies = new HashSet<>();
            files.filter(p -> p.getFileName().toString().startsWith(TEMP_COPY_PREFIX)).forEach(copies::add);
            return copies;
        } catch (IOException e) {
            return Set.of();
        }
    }

    /** Removes the ~23 MB library copy a failed load left in the temp directory (only files that appeared now). */
    private static void deleteNewTempCopies(Set<Path> before) {
        for (Path copy : tempCopies()) {
            if (!before.contains(copy)) {
                try {
                    Files.deleteIfExists(copy);
                } catch (IOException ignored) {
                    // best effort: a leftover temp file is harmless
                }
            }
        }
    }
}
