package dev.camelovershoot.media;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_ABGR;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR32;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_GRAY8;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_RGB32;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.Raster;
import java.nio.ByteBuffer;
import java.nio.IntBuffer;

/**
 * Copies a {@link BufferedImage}'s pixels into off-heap memory in a layout swscale reads. The standard image types are
 * copied as stored; any other type (indexed, 16-bit, custom) goes through {@link BufferedImage#getRGB}, row by row.
 */
final class ImagePixels {

    /** Pixels ready for swscale: one packed plane. */
    record Packed(int pixelFormat, ByteBuffer pixels, int stride) {
    }

    private ImagePixels() {
    }

    static Packed pack(BufferedImage image, StagingBuffer staging) {
        int width = image.getWidth();
        int height = image.getHeight();
        Raster raster = image.getRaster();
        boolean whole = raster.getParent() == null && raster.getSampleModelTranslateX() == 0
                && raster.getSampleModelTranslateY() == 0;
        // AV_PIX_FMT_RGB32 / BGR32 are "0xAARRGGBB / 0xAABBGGRR as native-endian ints": exactly Java's int pixels.
        Packed packed = switch (whole ? image.getType() : BufferedImage.TYPE_CUSTOM) {
            case BufferedImage.TYPE_3BYTE_BGR -> bytes(raster, staging, AV_PIX_FMT_BGR24, 3 * width);
            case BufferedImage.TYPE_4BYTE_ABGR, BufferedImage.TYPE_4BYTE_ABGR_PRE ->
                    bytes(raster, staging, AV_PIX_FMT_ABGR, 4 * width);
            case BufferedImage.TYPE_BYTE_GRAY -> bytes(raster, staging, AV_PIX_FMT_GRAY8, width);
            case BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_INT_ARGB_PRE ->
                    ints(raster, staging, AV_PIX_FMT_RGB32, width);
            case BufferedImage.TYPE_INT_BGR -> ints(raster, staging, AV_PIX_FMT_BGR32, width);
            default -> null;
        };
        return packed != null ? packed : argbRows(image, staging);
    }

    /** Null when the data buffer holds more than this image (shared or offset storage). */
    private static Packed bytes(Raster raster, StagingBuffer staging, int pixelFormat, int stride) {
        byte[] data = ((DataBufferByte) raster.getDataBuffer()).getData();
        if (data.length != stride * raster.getHeight()) {
            return null;
        }
        return new Packed(pixelFormat, staging.copyOf(data), stride);
    }

    private static Packed ints(Raster raster, StagingBuffer staging, int pixelFormat, int width) {
        int[] data = ((DataBufferInt) raster.getDataBuffer()).getData();
        if (data.length != width * raster.getHeight()) {
            return null;
        }
        ByteBuffer pixels = staging.take(4 * data.length);
        pixels.asIntBuffer().put(data);
        return new Packed(pixelFormat, pixels, 4 * width);
    }

    private static Packed argbRows(BufferedImage image, StagingBuffer staging) {
        int width = image.getWidth();
        int[] row = new int[width];
        ByteBuffer pixels = staging.take(4 * width * image.getHeight());
        IntBuffer ints = pixels.asIntBuffer();
        for (int y = 0; y < image.getHeight(); y++) {
            image.getRGB(0, y, width, 1, row, 0, width);
            ints.put(row);
        }
        return new Packed(AV_PIX_FMT_RGB32, pixels, 4 * width);
    }
}
