package dev.camelovershoot.client;

/** The service could not be reached or did not answer in time; the cause is the transport error. */
public class NetworkException extends OvershootException {

    public NetworkException(String message, Throwable cause) {
        super(message, cause);
    }
}
