package dev.camelovershoot.transport.rtc;

import dev.camelovershoot.media.I420Frame;
import dev.onvoid.webrtc.media.video.NativeI420Buffer;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bytedeco.javacpp.BytePointer;

/**
 * Native I420 buffers for one video source. With a {@link NativeRefCount} probe, a buffer is refilled only once the
 * encoder has dropped every reference to it, so a steady stream cycles through a few buffers and allocates no more;
 * when every buffer is still in use (an encoder falling behind), the frame is dropped rather than waiting.
 * Without the probe, each frame gets a fresh buffer whose ownership passes to the encoder.
 *
 * <p>The pool holds one reference to each of its buffers and drops them when the size changes or it closes; buffers
 * the encoder still holds then live until it releases them.
 */
final class NativeBufferPool implements AutoCloseable {

    /** Frames in flight between the source and the encoder: the encoder queue rarely holds more than one or two. */
    static final int MAX_BUFFERS = 4;

    private final Optional<NativeRefCount> refCount;
    private final List<Slot> slots = new ArrayList<>();
    private int width;
    private int height;
    private long allocations;

    NativeBufferPool(Optional<NativeRefCount> refCount) {
        this.refCount = refCount;
    }

    /** A buffer nobody else references, filled with the frame; null when all are busy (drop the frame). */
    Slot fill(I420Frame frame) {
        Slot slot = acquire(frame.width(), frame.height());
        if (slot != null) {
            slot.copy(frame);
        }
        return slot;
    }

    /** After the frame was pushed: without reuse the encoder's references are the only ones left. */
    void pushed(Slot slot) {
        if (refCount.isEmpty()) {
            slot.buffer().release();
        }
    }

    long allocations() {
        return allocations;
    }

    @Override
    public void close() {
        releaseAll();
    }

    private Slot acquire(int frameWidth, int frameHeight) {
        if (refCount.isEmpty()) {
            return newSlot(frameWidth, frameHeight);
        }
        if (frameWidth != width || frameHeight != height) {
            releaseAll();
            width = frameWidth;
            height = frameHeight;
        }
        for (Slot slot : slots) {
            if (NativeRefCount.soleOwner(slot.header())) {
                return slot;
            }
        }
        if (slots.size() == MAX_BUFFERS) {
            return null;
        }
        Slot slot = newSlot(width, height);
        slots.add(slot);
        return slot;
    }

    private Slot newSlot(int frameWidth, int frameHeight) {
        allocations++;
        NativeI420Buffer buffer = NativeI420Buffer.allocate(frameWidth, frameHeight);
        BytePointer header = refCount.map(probe -> probe.header(buffer)).orElse(null);
        return new Slot(buffer, header, buffer.getDataY(), buffer.getDataU(), buffer.getDataV());
    }

    private void releaseAll() {
        slots.forEach(slot -> slot.buffer().release());
        slots.clear();
    }

    /** One native buffer with its plane views and its C++ header (null without reuse), made once per buffer. */
    record Slot(NativeI420Buffer buffer, BytePointer header, ByteBuffer y, ByteBuffer u, ByteBuffer v) {

        void copy(I420Frame frame) {
            copyPlane(frame.y(), frame.strideY(), y, buffer.getStrideY(), frame.width(), frame.height());
            copyPlane(frame.u(), frame.strideU(), u, buffer.getStrideU(), frame.chromaWidth(), frame.chromaHeight());
            copyPlane(frame.v(), frame.strideV(), v, buffer.getStrideV(), frame.chromaWidth(), frame.chromaHeight());
        }

        private static void copyPlane(ByteBuffer from, int fromStride, ByteBuffer to, int toStride, int width, int rows) {
            if (fromStride == toStride) {
                to.put(0, from, 0, fromStride * (rows - 1) + width);
                return;
            }
            for (int row = 0; row < rows; row++) {
                to.put(row * toStride, from, row * fromStride, width);
            }
        }
    }
}
