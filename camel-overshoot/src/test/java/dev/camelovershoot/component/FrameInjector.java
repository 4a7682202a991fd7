package dev.camelovershoot.component;

import dev.camelovershoot.testinfra.OvershootEmulator;
import dev.camelovershoot.testinfra.StreamSnapshot;
import dev.camelovershoot.testinfra.frames.TestImages;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Hands a solid-colour frame to every running stream of the emulator every 50 ms, standing in for video. */
final class FrameInjector implements AutoCloseable {

    private final OvershootEmulator emulator;
    private ScheduledExecutorService timer;
    private volatile String colour = "red";

    FrameInjector(OvershootEmulator emulator) {
        this.emulator = emulator;
    }

    synchronized FrameInjector start() {
        if (timer == null) {
            timer = Executors.newSingleThreadScheduledExecutor();
            timer.scheduleAtFixedRate(this::inject, 0, 50, TimeUnit.MILLISECONDS);
        }
        return this;
    }

    void colour(String next) {
        colour = next;
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    private void inject() {
        for (StreamSnapshot stream : emulator.streams()) {
            if (!stream.ended()) {
                try {
                    emulator.injectFrame(stream.id(), TestImages.solid(64, 48, colour));
                } catch (IllegalArgumentException endedMeanwhile) {
                    // the stream ended between the snapshot and the frame
                }
            }
        }
    }
}
