package dev.camelovershoot.transport.rtc;

/** WebRTC cannot run in this process: a system library or webrtc-java's native library is missing or broken. */
public class WebRtcUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public WebRtcUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
