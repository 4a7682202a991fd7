package dev.camelovershoot.media;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Off-heap scratch memory for copying heap pixels where swscale can read them; grows only when a frame is larger. */
final class StagingBuffer {

    private ByteBuffer memory = ByteBuffer.allocateDirect(0);
    private long allocations;

    /** The first {@code size} bytes, native byte order, contents undefined. */
    ByteBuffer take(int size) {
        if (memory.capacity() < size) {
            memory = ByteBuffer.allocateDirect(size);
            allocations++;
        }
        return memory.slice(0, size).order(ByteOrder.nativeOrder());
    }

    ByteBuffer copyOf(byte[] bytes) {
        return take(bytes.length).put(0, bytes);
    }

    long allocations() {
        return allocations;
    }
}
