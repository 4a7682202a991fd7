package dev.camelovershoot.transport;

import dev.camelovershoot.client.OvershootException;

/** The video could not reach the service: connection refused or lost, ICE failure, token rejected. */
public class TransportException extends OvershootException {

    public TransportException(String message, Throwable cause) {
        super(message, cause);
    }
}
