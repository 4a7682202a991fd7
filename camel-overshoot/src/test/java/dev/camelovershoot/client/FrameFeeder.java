package dev.camelovershoot.client;

import dev.camelovershoot.testinfra.OvershootEmulator;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Plays the video source: injects a frame every 100 ms into the current stream, for at most 60 s. */
final class FrameFeeder implements AutoCloseable {

    private static final BufferedImage FRAME = solidRed();
    private static final long MAX_FRAMES = 600;

    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread feeder = new Thread(task, "test-frame-feeder");
        feeder.setDaemon(true);
        return feeder;
    });
    private long sent;

    private FrameFeeder(OvershootEmulator emulator, Supplier<String> streamId) {
        thread.scheduleAtFixedRate(() -> {
            if (++sent > MAX_FRAMES) {
                thread.shutdown();
                return;
            }
            try {
                emulator.injectFrame(streamId.get(), FRAME);
            } catch (RuntimeException streamGoneMeanwhile) {
                // the stream is being replaced or closed; the next frame goes to the current one
            }
        }, 0, 100, TimeUnit.MILLISECONDS);
    }

    private static BufferedImage solidRed() {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(Color.RED);
        graphics.fillRect(0, 0, 64, 48);
        graphics.dispose();
        return image;
    }

    static FrameFeeder feed(OvershootEmulator emulator, Supplier<String> streamId) {
        return new FrameFeeder(emulator, streamId);
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
