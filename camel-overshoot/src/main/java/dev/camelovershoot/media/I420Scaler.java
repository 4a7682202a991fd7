package dev.camelovershoot.media;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV411P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV422P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV440P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV444P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUVJ411P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUVJ420P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUVJ422P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUVJ440P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUVJ444P;
import static org.bytedeco.ffmpeg.global.avutil.av_opt_set_int;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BILINEAR;
import static org.bytedeco.ffmpeg.global.swscale.sws_alloc_context;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_init_context;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * FFmpeg's swscale turning a picture of any pixel format and size into an {@link I420Frame}: colour conversion and
 * scaling in one pass. One per stream: plane tables are allocated once, and one context per input shape is kept (a
 * stream mixing e.g. JPEG and raw RGB input alternates between two contexts instead of re-creating one per frame).
 */
final class I420Scaler implements AutoCloseable {

    private static final int MAX_PLANES = 4;
    private static final int MAX_CONTEXTS = 4;

    /** What a swscale context is specific to; {@code fullRange} for JPEG's 0-255 levels. */
    private record Shape(int pixelFormat, boolean fullRange, int width, int height, int targetWidth, int targetHeight) {

        /**
         * FFmpeg's JPEG formats (yuvj*) are its YUV formats at full range: swscale converts them right but warns on
         * every context ("deprecated pixel format used"), so they are passed as YUV with the range set explicitly.
         */
        static Shape of(int pixelFormat, int width, int height, I420Frame target) {
            int yuv = switch (pixelFormat) {
                case AV_PIX_FMT_YUVJ420P -> AV_PIX_FMT_YUV420P;
                case AV_PIX_FMT_YUVJ422P -> AV_PIX_FMT_YUV422P;
                case AV_PIX_FMT_YUVJ444P -> AV_PIX_FMT_YUV444P;
                case AV_PIX_FMT_YUVJ440P -> AV_PIX_FMT_YUV440P;
                case AV_PIX_FMT_YUVJ411P -> AV_PIX_FMT_YUV411P;
                default -> pixelFormat;
            };
            return new Shape(yuv, yuv != pixelFormat, width, height, target.width(), target.height());
        }
    }

    private final PointerPointer<BytePointer> sourcePlanes = new PointerPointer<>(MAX_PLANES);
    private final IntPointer sourceStrides = new IntPointer(MAX_PLANES);
    private final PointerPointer<BytePointer> targetPlanes = new PointerPointer<>(MAX_PLANES);
    private final IntPointer targetStrides = new IntPointer(MAX_PLANES);
    private final Map<Shape, SwsContext> contexts = new LinkedHashMap<>(MAX_CONTEXTS, 0.75f, true);
    private long contextAllocations;

    static {
        FfmpegLog.install();
    }

    /** Converts a picture whose planes are direct buffers (one for packed formats, three for I420). */
    void scale(int pixelFormat, int width, int height, ByteBuffer[] planes, int[] strides, I420Frame target) {
        for (int i = 0; i < MAX_PLANES; i++) {
            boolean present = i < planes.length;
            sourcePlanes.put(i, present ? new BytePointer(planes[i]) : null);
            sourceStrides.put(i, present ? strides[i] : 0);
        }
        scale(pixelFormat, width, height, sourcePlanes, sourceStrides, target);
    }

    /** Converts a picture described by FFmpeg's own plane table, such as an {@code AVFrame}'s. */
    void scale(int pixelFormat, int width, int height, PointerPointer<?> planes, IntPointer strides, I420Frame target) {
        SwsContext context = context(Shape.of(pixelFormat, width, height, target));
        targetPlanes.put(0, new BytePointer(target.y())).put(1, new BytePointer(target.u()))
                .put(2, new BytePointer(target.v()));
        targetStrides.put(0, target.strideY()).put(1, target.strideU()).put(2, target.strideV());
        int rows = sws_scale(context, planes, strides, 0, height, targetPlanes, targetStrides);
        if (rows <= 0) {
            throw new FrameDecodeException("swscale could not convert a " + width + "x" + height
                    + " picture of pixel format " + pixelFormat + " (error " + rows + ")");
        }
    }

    /** How many conversion contexts were created: one per input shape (format and sizes) seen. */
    long contextAllocations() {
        return contextAllocations;
    }

    @Override
    public void close() {
        contexts.values().forEach(context -> sws_freeContext(context));
        contexts.clear();
        sourcePlanes.close();
        sourceStrides.close();
        targetPlanes.close();
        targetStrides.close();
    }

    private SwsContext context(Shape shape) {
        SwsContext context = contexts.get(shape);
        if (context != null) {
            return context;
        }
        context = createContext(shape);
        contextAllocations++;
        if (contexts.size() == MAX_CONTEXTS) {
            evictLeastRecentlyUsed();
        }
        contexts.put(shape, context);
        return context;
    }

    /**
     * Options set before initialisation rather than {@code sws_setColorspaceDetails} afterwards: at the same size,
     * swscale picks a plain copy at initialisation when the ranges are equal and keeps it whatever is set later.
     */
    private static SwsContext createContext(Shape shape) {
        SwsContext context = sws_alloc_context();
        Map<String, Long> options = Map.of("srcw", (long) shape.width(), "srch", (long) shape.height(),
                "src_format", (long) shape.pixelFormat(), "src_range", shape.fullRange() ? 1L : 0L,
                "dstw", (long) shape.targetWidth(), "dsth", (long) shape.targetHeight(),
                "dst_format", (long) AV_PIX_FMT_YUV420P, "dst_range", 0L, "sws_flags", (long) SWS_BILINEAR);
        boolean ready = context != null && !context.isNull()
                && options.entrySet().stream()
                        .allMatch(option -> av_opt_set_int(context, option.getKey(), option.getValue(), 0) >= 0)
                && sws_init_context(context, null, null) >= 0;
        if (!ready) {
            sws_freeContext(context);
            throw new FrameDecodeException("swscale cannot convert pixel format " + shape.pixelFormat() + " at "
                    + shape.width() + "x" + shape.height() + " to I420 at " + shape.targetWidth() + "x" + shape.targetHeight());
        }
        return context;
    }

    private void evictLeastRecentlyUsed() {
        Map.Entry<Shape, SwsContext> eldest = contexts.entrySet().iterator().next();
        sws_freeContext(eldest.getValue());
        contexts.remove(eldest.getKey());
    }
}
