package dev.camelovershoot.media;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Off-heap plane memory for one stream of frames. A closed frame's planes are kept and handed to the next frame of
 * the same size, so a stream that closes each frame before it needs the next one allocates once and then never again.
 * Frames of a new size replace the kept memory (a stream that changes size re-allocates once per change).
 * Thread-safe: frames may be acquired on one thread and closed on another.
 */
public final class I420FramePool {

    /** Row strides are multiples of this (swscale's SIMD paths warn and slow down on unaligned rows). */
    private static final int STRIDE_ALIGNMENT = 16;
    private static final int PLANE_ALIGNMENT = 64;
    /** Closed frames' planes kept for reuse; a consumer holding more frames than this at once makes the pool allocate. */
    private static final int MAX_IDLE = 4;

    private final Deque<Planes> idle = new ArrayDeque<>();
    private int width;
    private int height;
    private long allocations;

    /** A frame of the given size whose plane contents are undefined: the caller fills all of them. */
    public I420Frame acquire(int width, int height, long timestampNanos) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("frame size must be positive, got " + width + "x" + height);
        }
        return new I420Frame(planes(width, height), timestampNanos);
    }

    /** How many plane sets this pool has allocated in off-heap memory so far. */
    public synchronized long allocations() {
        return allocations;
    }

    private synchronized Planes planes(int newWidth, int newHeight) {
        if (newWidth != width || newHeight != height) {
            idle.clear();
            width = newWidth;
            height = newHeight;
        }
        Planes reused = idle.poll();
        return reused != null ? reused : allocate();
    }

    private Planes allocate() {
        allocations++;
        int strideY = align(width, STRIDE_ALIGNMENT);
        int strideUv = align(I420Frame.chromaSize(width), STRIDE_ALIGNMENT);
        int sizeY = align(strideY * height, PLANE_ALIGNMENT);
        int sizeUv = align(strideUv * I420Frame.chromaSize(height), PLANE_ALIGNMENT);
        ByteBuffer memory = ByteBuffer.allocateDirect(sizeY + 2 * sizeUv + PLANE_ALIGNMENT).alignedSlice(PLANE_ALIGNMENT);
        return new Planes(this, width, height, strideY, strideUv,
                memory.slice(0, sizeY), memory.slice(sizeY, sizeUv), memory.slice(sizeY + sizeUv, sizeUv));
    }

    private synchronized void recycle(Planes planes) {
        if (planes.width == width && planes.height == height && idle.size() < MAX_IDLE) {
            idle.push(planes);
        }
    }

    private static int align(int value, int alignment) {
        return (value + alignment - 1) / alignment * alignment;
    }

    /** The memory of one frame; goes back to its pool when the frame closes. */
    record Planes(I420FramePool pool, int width, int height, int strideY, int strideUv, ByteBuffer y, ByteBuffer u,
                  ByteBuffer v) {

        void recycle() {
            pool.recycle(this);
        }
    }
}
