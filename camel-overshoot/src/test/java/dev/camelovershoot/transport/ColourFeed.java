package dev.camelovershoot.transport;

import dev.camelovershoot.media.FrameConverter;
import dev.camelovershoot.media.I420Frame;
import dev.camelovershoot.testinfra.frames.TestImages;
import java.awt.image.BufferedImage;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ObjIntConsumer;

/** Publishes solid-colour frames through a transport from its own thread, at a steady rate, as a camera would. */
public final class ColourFeed implements AutoCloseable {

    static final int WIDTH = 640;
    static final int HEIGHT = 480;

    private final VideoTransport transport;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor();
    private final FrameConverter converter = FrameConverter.atInputSize();
    private final Map<String, BufferedImage> images = new ConcurrentHashMap<>();
    private final long start = System.nanoTime();
    private final ObjIntConsumer<I420Frame> decorate;
    private final AtomicInteger pushed = new AtomicInteger();
    private final AtomicInteger published = new AtomicInteger();
    private volatile String colour;

    /** @param decorate draws on each frame before it is published (given the frame's sequence number) */
    ColourFeed(VideoTransport transport, String colour, int fps, ObjIntConsumer<I420Frame> decorate) {
        this.transport = transport;
        this.colour = colour;
        this.decorate = decorate;
        thread.scheduleAtFixedRate(this::publishOne, 0, 1_000_000 / fps, TimeUnit.MICROSECONDS);
    }

    public ColourFeed(VideoTransport transport, String colour) {
        this(transport, colour, 20, (frame, n) -> { });
    }

    public void show(String next) {
        colour = next;
    }

    /** Frames the transport accepted (not dropped by its rate cap or while connecting). */
    public int published() {
        return published.get();
    }

    private void publishOne() {
        BufferedImage image = images.computeIfAbsent(colour, c -> TestImages.solid(WIDTH, HEIGHT, c));
        try (I420Frame frame = converter.fromImage(image, System.nanoTime() - start)) {
            decorate.accept(frame, pushed.incrementAndGet());
            if (transport.publish(frame)) {
                published.incrementAndGet();
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        thread.shutdown();
        thread.awaitTermination(5, TimeUnit.SECONDS);
        converter.close();
    }
}
