package dev.camelovershoot.testinfra.livekit;

import dev.camelovershoot.testinfra.frames.FrameStore;
import dev.camelovershoot.testinfra.frames.I420Planes;
import java.util.function.Consumer;

/** Where a bound room's media and presence go: in the emulator, one stream. Callbacks must return quickly. */
public interface RoomListener {

    /** A decoded video frame from a publisher; runs on a decoder thread, the planes are valid only during the call. */
    void onFrame(I420Planes frame);

    /** A participant joined the room (not called for a resume of an existing session). */
    default void onParticipantJoined(String identity) {
    }

    /**
     * The room has had no connected participant for the publisher grace period: the publisher is gone for good (no
     * resume, no rejoin). {@code identity} is the last participant that joined.
     */
    default void onPublisherLeft(String identity) {
    }

    /** Stores decoded frames in {@code store} and reports a departed publisher to {@code onPublisherLeft}. */
    static RoomListener storingFramesIn(FrameStore store, Consumer<String> onPublisherLeft) {
        return new RoomListener() {
            @Override
            public void onFrame(I420Planes frame) {
                store.add(frame);
            }

            @Override
            public void onPublisherLeft(String identity) {
                onPublisherLeft.accept(identity);
            }
        };
    }
}
