package dev.camelovershoot.actions;

import dev.camelovershoot.testinfra.OvershootEmulator;
import dev.camelovershoot.testinfra.inference.Palette;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A video of solid-colour segments played into an emulator stream in real time: a frame every 25 ms, with the colour
 * of the segment its time falls in; after the last segment nothing more is sent.
 */
final class ColourTimeline implements AutoCloseable {

    private static final long FRAME_MILLIS = 25;

    record Segment(String colour, double seconds) {
    }

    private final List<Segment> segments;
    private final double totalSeconds;
    private final ScheduledExecutorService player = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "test-colour-timeline");
        thread.setDaemon(true);
        return thread;
    });
    private final CountDownLatch ended = new CountDownLatch(1);

    ColourTimeline(List<Segment> segments) {
        this.segments = segments;
        this.totalSeconds = segments.stream().mapToDouble(Segment::seconds).sum();
    }

    void play(OvershootEmulator emulator, String streamId) {
        long startNanos = System.nanoTime();
        player.scheduleAtFixedRate(() -> {
            double seconds = (System.nanoTime() - startNanos) / 1e9;
            if (seconds >= totalSeconds) {
                ended.countDown();
                player.shutdown();
                return;
            }
            emulator.injectFrame(streamId, image(colourAt(seconds)));
        }, 0, FRAME_MILLIS, TimeUnit.MILLISECONDS);
    }

    boolean awaitEnd(long timeout, TimeUnit unit) throws InterruptedException {
        return ended.await(timeout, unit);
    }

    private String colourAt(double seconds) {
        double end = 0;
        for (Segment segment : segments) {
            end += segment.seconds();
            if (seconds < end) {
                return segment.colour();
            }
        }
        throw new IllegalStateException("after the last segment");
    }

    private static BufferedImage image(String colour) {
        int[] rgb = Palette.rgb(colour);
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(new Color(rgb[0], rgb[1], rgb[2]));
        graphics.fillRect(0, 0, 64, 48);
        graphics.dispose();
        return image;
    }

    @Override
    public void close() {
        player.shutdownNow();
    }
}
