package dev.camelovershoot.media;

import java.nio.ByteBuffer;

/**
 * One video frame in I420 (YUV 4:2:0 planar, BT.601 limited range): a full-size luma plane and two chroma planes of
 * half width and half height (rounded up). Rows may be padded: a plane's row {@code r} starts at {@code r * stride}.
 *
 * <p>The planes live in off-heap memory owned by an {@link I420FramePool}. Whoever holds a frame closes it when done,
 * which hands the memory back to its pool for the next frame; plane views must not be used after {@link #close()}.
 */
public final class I420Frame implements AutoCloseable {

    private final I420FramePool.Planes planes;
    private final long timestampNanos;
    private volatile boolean closed;

    I420Frame(I420FramePool.Planes planes, long timestampNanos) {
        this.planes = planes;
        this.timestampNanos = timestampNanos;
    }

    public int width() {
        return planes.width();
    }

    public int height() {
        return planes.height();
    }

    /** Width of the U and V planes: half the width, rounded up. */
    public int chromaWidth() {
        return chromaSize(planes.width());
    }

    /** Height of the U and V planes: half the height, rounded up. */
    public int chromaHeight() {
        return chromaSize(planes.height());
    }

    public int strideY() {
        return planes.strideY();
    }

    public int strideU() {
        return planes.strideUv();
    }

    public int strideV() {
        return planes.strideUv();
    }

    /** Presentation time on the stream's clock (the first frame of a source is 0), in nanoseconds. */
    public long timestampNanos() {
        return timestampNanos;
    }

    /** The luma plane: {@code strideY() * height()} bytes from position 0. A fresh view: position and limit are the caller's. */
    public ByteBuffer y() {
        return view(planes.y());
    }

    public ByteBuffer u() {
        return view(planes.u());
    }

    public ByteBuffer v() {
        return view(planes.v());
    }

    /** Hands the planes back to the pool. Idempotent. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        planes.recycle();
    }

    @Override
    public String toString() {
        return "I420Frame[" + width() + "x" + height() + ", t=" + timestampNanos / 1_000_000 + " ms]";
    }

    static int chromaSize(int lumaSize) {
        return (lumaSize + 1) / 2;
    }

    private ByteBuffer view(ByteBuffer plane) {
        if (closed) {
            throw new IllegalStateException("frame already closed: " + this);
        }
        return plane.duplicate();
    }
}
