package dev.camelovershoot.component;

/** What a frame of one more key does when maxStreams keyed streams are open (Camel-style option values). */
public enum MaxStreamsPolicy {
    /** The exchange fails with a {@link MaxStreamsExceededException}; the open streams go on. */
    fail,
    /** The keyed stream that got a frame least recently is closed to make room for the new key's. */
    closeLeastRecentlyUsed
}
