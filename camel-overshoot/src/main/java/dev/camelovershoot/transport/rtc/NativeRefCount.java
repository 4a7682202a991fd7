package dev.camelovershoot.transport.rtc;

import dev.onvoid.webrtc.media.video.NativeI420Buffer;
import java.lang.reflect.Field;
import java.util.Optional;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads how many owners the native {@code webrtc::I420Buffer} behind a {@link NativeI420Buffer} has, which webrtc-java
 * 0.14 does not expose. A buffer pushed to a video source is referenced by the frames queued for the encoder; when
 * the count is back to 1, only our pool holds it and it may be refilled. This is libwebrtc's own rule for reusing
 * frame buffers ({@code VideoFrameBufferPool} checks {@code HasOneRef()}).
 *
 * <p>The count lives inside the C++ object {@code RefCountedObject<I420Buffer>} whose address webrtc-java keeps in
 * {@code NativeObject.nativeHandle}. Its layout on x86-64 (vtable pointer, width, height, three strides, data
 * pointer, then the atomic count) is verified against a fresh buffer before use: every field must hold the value the
 * Java side reports, and the count must follow a retain/release. If anything differs (another webrtc-java build, the
 * module path hiding the field) the probe is unavailable and callers fall back to a fresh buffer per frame.
 * On x86-64 a plain aligned load of the count has acquire semantics, so a count of 1 also means the encoder's reads
 * of the planes are complete.
 */
final class NativeRefCount {

    private static final Logger LOG = LoggerFactory.getLogger(NativeRefCount.class);
    private static final int WIDTH = 8;
    private static final int HEIGHT = 12;
    private static final int STRIDE_Y = 16;
    private static final int STRIDE_U = 20;
    private static final int STRIDE_V = 24;
    private static final int DATA = 32;
    private static final int COUNT = 40;
    private static final int OBJECT_BYTES = 44;
    private static final int PROBE_SIZE = 64;

    private static Optional<NativeRefCount> probed;

    private final Field handle;

    private NativeRefCount(Field handle) {
        this.handle = handle;
    }

    /** The probe, verified once per process; empty when buffer reuse cannot be made safe. */
    static synchronized Optional<NativeRefCount> probe() {
        if (probed == null) {
            probed = verify();
        }
        return probed;
    }

    /** A view of the buffer's C++ object; create once per buffer, valid while the buffer is retained. */
    BytePointer header(NativeI420Buffer buffer) {
        try {
            return new BytePointer(new Address(handle.getLong(buffer))).capacity(OBJECT_BYTES);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("native handle became inaccessible", e);
        }
    }

    /** True when nobody but the holder of this header's buffer references it any more. */
    static boolean soleOwner(BytePointer header) {
        return header.getInt(COUNT) == 1;
    }

    private static Optional<NativeRefCount> verify() {
        if (!"amd64".equals(System.getProperty("os.arch"))) {
            // the offsets and the memory-ordering argument above hold for x86-64 only
            LOG.warn("Native buffer reuse is only verified on x86-64; frames are copied into a new native buffer each");
            return Optional.empty();
        }
        try {
            Field handle = Class.forName("dev.onvoid.webrtc.internal.NativeObject").getDeclaredField("nativeHandle");
            handle.setAccessible(true);
            NativeRefCount candidate = new NativeRefCount(handle);
            NativeI420Buffer buffer = NativeI420Buffer.allocate(PROBE_SIZE, PROBE_SIZE);
            try {
                if (candidate.layoutMatches(buffer)) {
                    return Optional.of(candidate);
                }
                LOG.warn("webrtc-java's I420 buffers do not have the expected native layout; "
                        + "frames are copied into a new native buffer each");
            } finally {
                buffer.release();
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn("Cannot observe webrtc-java buffer references ({}); frames are copied into a new native buffer each",
                    e.toString());
        }
        return Optional.empty();
    }

    private boolean layoutMatches(NativeI420Buffer buffer) {
        BytePointer header = header(buffer);
        boolean fields = header.getInt(WIDTH) == buffer.getWidth() && header.getInt(HEIGHT) == buffer.getHeight()
                && header.getInt(STRIDE_Y) == buffer.getStrideY() && header.getInt(STRIDE_U) == buffer.getStrideU()
                && header.getInt(STRIDE_V) == buffer.getStrideV()
                && header.getLong(DATA) == new Pointer(buffer.getDataY()).address()
                && header.getInt(COUNT) == 1;
        if (!fields) {
            return false;
        }
        buffer.retain();
        boolean counted = header.getInt(COUNT) == 2;
        buffer.release();
        return counted && soleOwner(header);
    }

    /** A pointer to an address JavaCPP did not allocate; never freed through JavaCPP. */
    private static final class Address extends Pointer {

        Address(long address) {
            this.address = address;
        }
    }
}
