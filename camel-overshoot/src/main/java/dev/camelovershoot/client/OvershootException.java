package dev.camelovershoot.client;

/** The root of every error this client reports. Messages never contain the API key or a token. */
public class OvershootException extends RuntimeException {

    public OvershootException(String message) {
        super(message);
    }

    public OvershootException(String message, Throwable cause) {
        super(message, cause);
    }
}
