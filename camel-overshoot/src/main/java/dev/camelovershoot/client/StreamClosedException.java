package dev.camelovershoot.client;

/** An operation was attempted on a stream session that is closed. */
public class StreamClosedException extends OvershootException {

    public StreamClosedException(String message) {
        super(message);
    }
}
