package dev.camelovershoot.testinfra.frames;

import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;

/**
 * A decoded video frame in I420 (YUV 4:2:0) as a video decoder hands it out: a view on the decoder's memory, valid
 * only during the call that receives it. Copy what you keep, e.g. with {@link #toRgb(int, int)} or
 * {@link FrameStore#add(I420Planes)}.
 *
 * @param width   luma width in pixels
 * @param height  luma height in pixels
 * @param y       luma plane, {@code strideY} bytes per row
 * @param u       Cb plane, {@code (width + 1) / 2} samples per row, {@code strideU} bytes per row
 * @param v       Cr plane, like {@code u}
 */
public record I420Planes(int width, int height, ByteBuffer y, int strideY, ByteBuffer u, int strideU, ByteBuffer v,
                         int strideV) {

    /**
     * Converts to an RGB image of {@code outWidth x outHeight}, sampling the nearest source pixel: scaling down while
     * converting touches only the pixels kept, which is what makes this cheap for large frames.
     */
    public BufferedImage toRgb(int outWidth, int outHeight) {
        int[] rgb = new int[outWidth * outHeight];
        for (int oy = 0; oy < outHeight; oy++) {
            int sy = (int) ((2L * oy + 1) * height / (2L * outHeight));
            for (int ox = 0; ox < outWidth; ox++) {
                int sx = (int) ((2L * ox + 1) * width / (2L * outWidth));
                rgb[oy * outWidth + ox] = pixel(sx, sy);
            }
        }
        BufferedImage image = new BufferedImage(outWidth, outHeight, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, outWidth, outHeight, rgb, 0, outWidth);
        return image;
    }

    /** BT.601 limited range, what libwebrtc's VP8/H.264 decoders produce. */
    private int pixel(int x, int row) {
        int c = 298 * ((y.get(row * strideY + x) & 0xff) - 16) + 128;
        int d = (u.get((row / 2) * strideU + x / 2) & 0xff) - 128;
        int e = (v.get((row / 2) * strideV + x / 2) & 0xff) - 128;
        int r = clamp((c + 409 * e) >> 8);
        int g = clamp((c - 100 * d - 208 * e) >> 8);
        int b = clamp((c + 516 * d) >> 8);
        return (r << 16) | (g << 8) | b;
    }

    private static int clamp(int value) {
        return Math.max(0, Math.min(255, value));
    }
}
