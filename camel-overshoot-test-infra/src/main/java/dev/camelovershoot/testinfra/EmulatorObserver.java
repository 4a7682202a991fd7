package dev.camelovershoot.testinfra;

import dev.camelovershoot.testinfra.frames.EmulatorFrame;

/**
 * Told what the emulator does as it happens, for measurements that must see every frame and result (the frame store
 * keeps only the newest frames). Callbacks run on the emulator's decoder and inference threads: they must return
 * quickly and not throw.
 */
public interface EmulatorObserver {

    /** Observes nothing: the default. */
    EmulatorObserver NONE = new EmulatorObserver() {
    };

    /** A frame reached a stream's store, decoded from its video or injected. */
    default void frameStored(String streamId, EmulatorFrame frame) {
    }

    /**
     * A result was handed to the stream's results sockets (at least one).
     *
     * @param sentNanos {@link System#nanoTime()} just before the first socket was given it
     */
    default void resultSent(String streamId, String resultId, long sentNanos) {
    }
}
