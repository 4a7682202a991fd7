package dev.camelovershoot.testinfra.livekit;

/** An access token was refused. The message says why in fixed words and never contains the token. */
public final class InvalidTokenException extends Exception {

    private static final long serialVersionUID = 1L;

    InvalidTokenException(String message) {
        super(message);
    }
}
