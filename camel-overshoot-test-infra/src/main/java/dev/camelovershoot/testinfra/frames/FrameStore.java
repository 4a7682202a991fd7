package dev.camelovershoot.testinfra.frames;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A stream's ring buffer of decoded frames. Frames get a lifetime index and a stream-clock timestamp; they are
 * dropped after {@link #RETENTION} or when more than {@code maxFrames} are held, whichever comes first (the real
 * service keeps 600 s; the count bound keeps an emulator with many fast streams within memory).
 */
public final class FrameStore {

    public static final Duration RETENTION = Duration.ofSeconds(600);

    private final int maxFrames;
    private final int maxSide;
    private final Consumer<EmulatorFrame> onStored;
    private final Deque<EmulatorFrame> frames = new ArrayDeque<>();
    private long nextIndex;
    private long firstFrameNanos;

    /**
     * @param maxFrames most frames held at once
     * @param maxSide   frames are kept scaled down so that neither side exceeds this many pixels
     */
    public FrameStore(int maxFrames, int maxSide) {
        this(maxFrames, maxSide, frame -> { });
    }

    /** @param onStored told of every frame once stored, outside the store's lock */
    public FrameStore(int maxFrames, int maxSide, Consumer<EmulatorFrame> onStored) {
        if (maxFrames < 1 || maxSide < 1) {
            throw new IllegalArgumentException("maxFrames and maxSide must be positive");
        }
        this.maxFrames = maxFrames;
        this.maxSide = maxSide;
        this.onStored = onStored;
    }

    /** Stores a copy of {@code image}, scaled down if needed, and returns the stored frame. */
    public EmulatorFrame add(BufferedImage image) {
        return store(scaledCopy(image), image.getWidth(), image.getHeight());
    }

    /**
     * Stores an RGB copy of a decoded I420 frame, converted and scaled down in one pass (only the kept pixels are
     * converted), and returns the stored frame. The planes are not referenced after this returns.
     */
    public EmulatorFrame add(I420Planes planes) {
        int[] size = scaledSize(planes.width(), planes.height());
        return store(planes.toRgb(size[0], size[1]), planes.width(), planes.height());
    }

    private EmulatorFrame store(BufferedImage kept, int width, int height) {
        long now = System.nanoTime();
        EmulatorFrame frame;
        synchronized (this) {
            if (nextIndex == 0) {
                firstFrameNanos = now;
            }
            frame = new EmulatorFrame(nextIndex++, (now - firstFrameNanos) / 1_000_000, now, width, height, kept);
            frames.addLast(frame);
            evict(now);
        }
        onStored.accept(frame);
        return frame;
    }

    /** The newest frame, if any is retained. */
    public synchronized Optional<EmulatorFrame> latest() {
        return Optional.ofNullable(frames.peekLast());
    }

    /** Retained frames that reached the store in {@code [fromNanos, toNanos]}, oldest first. */
    public synchronized List<EmulatorFrame> receivedBetween(long fromNanos, long toNanos) {
        List<EmulatorFrame> out = new ArrayList<>();
        for (EmulatorFrame f : frames) {
            if (f.receivedNanos() - fromNanos >= 0 && toNanos - f.receivedNanos() >= 0) {
                out.add(f);
            }
        }
        return out;
    }

    /** Every retained frame, oldest first. */
    public synchronized List<EmulatorFrame> retained() {
        return new ArrayList<>(frames);
    }

    /** Frames received over the stream's lifetime, including evicted ones. */
    public synchronized long received() {
        return nextIndex;
    }

    /** {@code pending} before the first frame, {@code idle} when none arrived within {@code idleAfter}. */
    public synchronized StreamActivity activity(Duration idleAfter) {
        EmulatorFrame last = frames.peekLast();
        if (nextIndex == 0) {
            return StreamActivity.PENDING;
        }
        boolean recent = last != null && System.nanoTime() - last.receivedNanos() <= idleAfter.toNanos();
        return recent ? StreamActivity.ACTIVE : StreamActivity.IDLE;
    }

    private void evict(long now) {
        long oldest = now - RETENTION.toNanos();
        while (frames.size() > maxFrames || (!frames.isEmpty() && frames.peekFirst().receivedNanos() - oldest < 0)) {
            frames.removeFirst();
        }
    }

    private int[] scaledSize(int width, int height) {
        double scale = Math.min(1.0, (double) maxSide / Math.max(width, height));
        return new int[] {Math.max(1, (int) Math.round(width * scale)), Math.max(1, (int) Math.round(height * scale))};
    }

    private BufferedImage scaledCopy(BufferedImage image) {
        int[] size = scaledSize(image.getWidth(), image.getHeight());
        int w = size[0];
        int h = size[1];
        BufferedImage copy = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = copy.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(image, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return copy;
    }
}
