package dev.camelovershoot.component;

import dev.camelovershoot.client.OvershootException;

/** A frame of a new key came while maxStreams keyed streams were open, with maxStreamsPolicy=fail. */
public class MaxStreamsExceededException extends OvershootException {

    public MaxStreamsExceededException(String message) {
        super(message);
    }
}
