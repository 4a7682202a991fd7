package dev.camelovershoot.media;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_GRAY8;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_RGBA;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;

import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacv.Frame;

/**
 * Turns what users have (JPEG/PNG bytes, images, raw pixel bytes, JavaCV frames) into {@link I420Frame}s, optionally
 * scaled to one output size. One converter per stream: it keeps the stream's off-heap memory (frame planes, a staging
 * copy for heap input, the swscale contexts, the image decoders) and reuses it frame after frame, so converting a
 * steady stream allocates no native memory once the first frames have been produced, provided each returned frame is
 * closed.
 * Not thread-safe; frames it returns may be closed on any thread.
 */
public final class FrameConverter implements AutoCloseable {

    private final int targetWidth;
    private final int targetHeight;
    private final I420FramePool pool = new I420FramePool();
    private final StagingBuffer staging = new StagingBuffer();
    private I420Scaler scaler;
    /** FFmpeg's JPEG and PNG decoders by codec id, opened when the stream first sends that format. */
    private final Map<Integer, FfmpegImageDecoder> decoders = new HashMap<>();

    private FrameConverter(int targetWidth, int targetHeight) {
        this.targetWidth = targetWidth;
        this.targetHeight = targetHeight;
    }

    /** Frames keep the size of their input. */
    public static FrameConverter atInputSize() {
        return new FrameConverter(0, 0);
    }

    /** Every frame is scaled to this size (the aspect ratio is not preserved). */
    public static FrameConverter scalingTo(int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("output size must be positive, got " + width + "x" + height);
        }
        return new FrameConverter(width, height);
    }

    /** Decodes JPEG or PNG bytes: by FFmpeg, or by ImageIO when FFmpeg does not decode them cleanly. */
    public I420Frame fromEncodedImage(byte[] bytes, long timestampNanos) {
        int codec = EncodedImages.completeImageCodec(bytes);
        AVFrame decoded = codec < 0 ? null : decoders.computeIfAbsent(codec, FfmpegImageDecoder::new).decode(bytes);
        return decoded != null ? fromPicture(decoded, timestampNanos)
                : fromImage(EncodedImages.decode(bytes), timestampNanos);
    }

    public I420Frame fromImage(BufferedImage image, long timestampNanos) {
        ImagePixels.Packed packed = ImagePixels.pack(image, staging);
        return convert(packed.pixelFormat(), image.getWidth(), image.getHeight(),
                new ByteBuffer[] {packed.pixels()}, new int[] {packed.stride()}, timestampNanos);
    }

    /** Uncompressed pixels in {@code format}: rows tightly packed, exactly {@link RawFormat#frameBytes} bytes. */
    public I420Frame fromRaw(byte[] bytes, RawFormat format, int width, int height, long timestampNanos) {
        checkRaw(bytes, format, width, height);
        if (format == RawFormat.I420 && !scales(width, height)) {
            return copyI420(bytes, width, height, timestampNanos);
        }
        ByteBuffer pixels = staging.copyOf(bytes);
        if (format != RawFormat.I420) {
            return convert(format.pixelFormat(), width, height, new ByteBuffer[] {pixels},
                    new int[] {format.stride(width)}, timestampNanos);
        }
        int sizeY = width * height;
        int sizeUv = I420Frame.chromaSize(width) * I420Frame.chromaSize(height);
        int strideUv = I420Frame.chromaSize(width);
        return convert(AV_PIX_FMT_YUV420P, width, height,
                new ByteBuffer[] {pixels.slice(0, sizeY), pixels.slice(sizeY, sizeUv), pixels.slice(sizeY + sizeUv, sizeUv)},
                new int[] {width, strideUv, strideUv}, timestampNanos);
    }

    /**
     * Converts a JavaCV video frame. A frame from {@code FFmpegFrameGrabber} carries its decoded {@code AVFrame}, whose
     * pixel format is used as is; any other frame follows JavaCV's convention for 8-bit images: 1 channel gray,
     * 3 channels BGR, 4 channels RGBA. The timestamp comes from {@link Frame#timestamp} (microseconds).
     */
    public I420Frame fromJavaCv(Frame frame) {
        return fromJavaCv(frame, frame.timestamp * 1_000);
    }

    /** As {@link #fromJavaCv(Frame)}, with the caller's timestamp. */
    public I420Frame fromJavaCv(Frame frame, long timestampNanos) {
        if (frame.image == null || frame.image.length == 0 || frame.image[0] == null) {
            throw new FrameDecodeException("expected a JavaCV video frame, got one without an image (type " + frame.type + ")");
        }
        if (frame.opaque instanceof AVFrame decoded && decoded.format() >= 0 && decoded.width() > 0) {
            return fromPicture(decoded, timestampNanos);
        }
        return fromJavaCvImage(frame, timestampNanos);
    }

    /**
     * Off-heap allocations so far: frame planes, staging growth and swscale contexts. Stays constant while a stream's
     * size and format stay the same and its frames are closed.
     */
    public long nativeAllocations() {
        return pool.allocations() + staging.allocations() + (scaler == null ? 0 : scaler.contextAllocations())
                + decoders.values().stream().mapToLong(FfmpegImageDecoder::allocations).sum();
    }

    /**
     * Frees the swscale contexts and the image decoders. Frames still open stay valid; their memory is garbage collected
     * after they close.
     */
    @Override
    public void close() {
        if (scaler != null) {
            scaler.close();
            scaler = null;
        }
        decoders.values().forEach(FfmpegImageDecoder::close);
        decoders.clear();
    }

    /** A picture decoded by FFmpeg, in its own pixel format. */
    private I420Frame fromPicture(AVFrame picture, long timestampNanos) {
        I420Frame target = acquire(picture.width(), picture.height(), timestampNanos);
        return convertInto(target, () -> scaler().scale(picture.format(), picture.width(), picture.height(),
                picture.data(), picture.linesize(), target));
    }

    private I420Frame fromJavaCvImage(Frame frame, long timestampNanos) {
        int pixelFormat = javaCvPixelFormat(frame);
        if (!(frame.image[0] instanceof ByteBuffer image)) {
            throw new FrameDecodeException("expected a JavaCV frame backed by a ByteBuffer, got " + frame.image[0].getClass().getSimpleName());
        }
        ByteBuffer pixels = image.isDirect() ? image.duplicate().position(0) : copyToStaging(image);
        return convert(pixelFormat, frame.imageWidth, frame.imageHeight, new ByteBuffer[] {pixels},
                new int[] {frame.imageStride}, timestampNanos);
    }

    private static int javaCvPixelFormat(Frame frame) {
        boolean eightBit = frame.imageDepth == Frame.DEPTH_UBYTE || frame.imageDepth == Frame.DEPTH_BYTE;
        int channels = eightBit ? frame.imageChannels : 0;
        return switch (channels) {
            case 1 -> AV_PIX_FMT_GRAY8;
            case 3 -> AV_PIX_FMT_BGR24;
            case 4 -> AV_PIX_FMT_RGBA;
            default -> throw new FrameDecodeException("expected an 8-bit JavaCV frame with 1 (gray), 3 (BGR) or 4 (RGBA)"
                    + " channels, got depth " + frame.imageDepth + " with " + frame.imageChannels + " channels");
        };
    }

    private ByteBuffer copyToStaging(ByteBuffer heap) {
        ByteBuffer source = heap.duplicate().position(0);
        return staging.take(source.remaining()).put(0, source, 0, source.remaining());
    }

    private I420Frame convert(int pixelFormat, int width, int height, ByteBuffer[] planes, int[] strides,
                            long timestampNanos) {
        I420Frame target = acquire(width, height, timestampNanos);
        return convertInto(target, () -> scaler().scale(pixelFormat, width, height, planes, strides, target));
    }

    private I420Frame copyI420(byte[] bytes, int width, int height, long timestampNanos) {
        I420Frame target = pool.acquire(width, height, timestampNanos);
        int chromaWidth = target.chromaWidth();
        int chromaHeight = target.chromaHeight();
        int offsetU = width * height;
        int offsetV = offsetU + chromaWidth * chromaHeight;
        copyPlane(bytes, 0, width, height, target.y(), target.strideY());
        copyPlane(bytes, offsetU, chromaWidth, chromaHeight, target.u(), target.strideU());
        copyPlane(bytes, offsetV, chromaWidth, chromaHeight, target.v(), target.strideV());
        return target;
    }

    private static void copyPlane(byte[] source, int offset, int width, int rows, ByteBuffer plane, int stride) {
        for (int row = 0; row < rows; row++) {
            plane.put(row * stride, source, offset + row * width, width);
        }
    }

    /** Closes the target if filling it fails, so a failed conversion never strands pooled memory. */
    private static I420Frame convertInto(I420Frame target, Runnable fill) {
        try {
            fill.run();
            return target;
        } catch (RuntimeException e) {
            target.close();
            throw e;
        }
    }

    private I420Frame acquire(int inputWidth, int inputHeight, long timestampNanos) {
        return scales(inputWidth, inputHeight)
                ? pool.acquire(targetWidth, targetHeight, timestampNanos)
                : pool.acquire(inputWidth, inputHeight, timestampNanos);
    }

    private boolean scales(int inputWidth, int inputHeight) {
        return targetWidth > 0 && (targetWidth != inputWidth || targetHeight != inputHeight);
    }

    private I420Scaler scaler() {
        if (scaler == null) {
            scaler = new I420Scaler();
        }
        return scaler;
    }

    private static void checkRaw(byte[] bytes, RawFormat format, int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new FrameDecodeException("raw " + format + " frame size must be positive, got " + width + "x" + height);
        }
        long needed = format.frameBytes(width, height);
        int got = bytes == null ? 0 : bytes.length;
        if (got != needed) {
            throw new FrameDecodeException("raw " + format + " frame of " + width + "x" + height + " needs " + needed
                    + " bytes, got " + got);
        }
    }
}
