package dev.camelovershoot.testinfra.rtc;

/** webrtc-java's native library cannot run on this machine; the message says what to install or add. */
public final class WebRtcUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    WebRtcUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
