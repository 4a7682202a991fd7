package dev.camelovershoot.media;

import java.awt.image.BufferedImage;

/** Raw frame bytes computed in plain Java, independent of the converter under test. */
final class RawFrames {

    private RawFrames() {
    }

    static byte[] encode(BufferedImage image, RawFormat format) {
        int width = image.getWidth();
        int height = image.getHeight();
        byte[] out = new byte[Math.toIntExact(format.frameBytes(width, height))];
        if (format == RawFormat.I420) {
            i420(image, out);
            return out;
        }
        int bytesPerPixel = format == RawFormat.RGBA ? 4 : 3;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int argb = image.getRGB(x, y);
                int at = (y * width + x) * bytesPerPixel;
                int red = (argb >> 16) & 0xFF;
                int green = (argb >> 8) & 0xFF;
                int blue = argb & 0xFF;
                out[at] = (byte) (format == RawFormat.BGR ? blue : red);
                out[at + 1] = (byte) green;
                out[at + 2] = (byte) (format == RawFormat.BGR ? red : blue);
                if (bytesPerPixel == 4) {
                    out[at + 3] = (byte) 0xFF;
                }
            }
        }
        return out;
    }

    /** Chroma taken from each 2x2 block's top-left pixel. */
    private static void i420(BufferedImage image, byte[] out) {
        int width = image.getWidth();
        int height = image.getHeight();
        int chromaWidth = (width + 1) / 2;
        int offsetU = width * height;
        int offsetV = offsetU + chromaWidth * ((height + 1) / 2);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int argb = image.getRGB(x, y);
                int[] yuv = TestFrames.yuv(new int[] {(argb >> 16) & 0xFF, (argb >> 8) & 0xFF, argb & 0xFF});
                out[y * width + x] = (byte) yuv[0];
                if (x % 2 == 0 && y % 2 == 0) {
                    int chroma = y / 2 * chromaWidth + x / 2;
                    out[offsetU + chroma] = (byte) yuv[1];
                    out[offsetV + chroma] = (byte) yuv[2];
                }
            }
        }
    }
}
