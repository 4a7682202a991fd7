package dev.camelovershoot.transport.rtc;

import dev.onvoid.webrtc.internal.NativeLoader;
import dev.onvoid.webrtc.logging.Logging;
import java.util.Locale;
import org.bytedeco.javacpp.Loader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads webrtc-java's native library once per process, failing early and clearly. The library links libpulse
 * (PulseAudio's client) as a hard dependency even when no audio device is used: it is checked first, with the dynamic
 * linker's own lookup, so that a missing package is named instead of surfacing as a bare UnsatisfiedLinkError (and a
 * 23 MB copy of the library left behind in the temp directory by webrtc-java's loader).
 */
final class WebRtcNatives {

    static final String PULSE_LIBRARY = "libpulse.so.0";
    private static final Logger LOG = LoggerFactory.getLogger(WebRtcNatives.class);
    private static final Logger NATIVE_LOG = LoggerFactory.getLogger("dev.camelovershoot.transport.rtc.libwebrtc");
    /** What libwebrtc logs when a disposed object is still referenced (webrtc-java 0.14 leaks closed connections). */
    static final String NOT_DELETED = "Native object was not deleted";
    static final String TROUBLESHOOTING = "docs/troubleshooting.md#webrtc-messages-at-shutdown-and-exit";
    private static boolean loaded;

    private WebRtcNatives() {
    }

    static synchronized void load() {
        if (loaded) {
            return;
        }
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")) {
            requireSystemLibrary(PULSE_LIBRARY);
        }
        try {
            // Loading here rather than through PeerConnectionFactory's static initialiser keeps the cause and lets a
            // later attempt retry instead of failing with NoClassDefFoundError.
            NativeLoader.loadLibrary("webrtc-java");
        } catch (Exception | LinkageError e) {
            throw explain(e);
        }
        routeLogging();
        explainExitNoise();
        loaded = true;
    }

    /** Turns a native loading failure into a message that says what to do. */
    static WebRtcUnavailableException explain(Throwable failure) {
        String detail = String.valueOf(failure.getMessage());
        if (detail.contains("libpulse")) {
            return new WebRtcUnavailableException("WebRTC needs the PulseAudio client library " + PULSE_LIBRARY
                    + ", even without audio: install the Debian/Ubuntu package libpulse0 (apt-get install libpulse0)",
                    failure);
        }
        return new WebRtcUnavailableException("could not load webrtc-java's native library (linux-x86_64 natives are "
                + "bundled; glibc 2.18 or newer is needed): " + detail, failure);
    }

    private static void requireSystemLibrary(String library) {
        try {
            Loader.loadGlobal(library);
        } catch (UnsatisfiedLinkError e) {
            throw explain(e);
        }
    }

    /**
     * libwebrtc's warnings and errors go to SLF4J, one level down (its warnings are mostly routine: candidates before
     * descriptions, DTLS field trials); nothing goes to stderr directly.
     */
    private static void routeLogging() {
        Logging.logToDebug(Logging.Severity.NONE);
        Logging.addLogSink(Logging.Severity.WARNING, (severity, message) -> {
            if (message.contains(NOT_DELETED)) {
                NATIVE_LOG.info("{} (expected when WebRTC shuts down: webrtc-java 0.14 never frees a closed peer"
                        + " connection, which keeps the audio module referenced; harmless, see {})",
                        message.strip(), TROUBLESHOOTING);
            } else if (severity == Logging.Severity.ERROR) {
                NATIVE_LOG.warn(message.strip());
            } else {
                NATIVE_LOG.info(message.strip());
            }
        });
    }

    /**
     * webrtc-java's native library prints two lines to stdout when the process exits, after the JVM is gone (its
     * static destructors try to attach to the dead VM), whether or not WebRTC was used or released: nothing in Java
     * can prevent them, so the last thing said before them explains them.
     */
    private static void explainExitNoise() {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LOG.info("JVM exit: webrtc-java's native code may now"
                + " print 'VM attach current thread failed' and 'Failed to attach thread N'; harmless, see {}",
                TROUBLESHOOTING), "webrtc-exit-note"));
    }
}
