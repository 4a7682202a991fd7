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

    /** BT.601 limited range; chroma taken from each 2x2 block's top-left pixel. */
    private static void i420(BufferedImage image, byte[] out) {
        int width = image.getWidth();
        int height = image.getHeight();
        int chromaWidth = (width + 1) / 2;
        int offsetU = width * height;
        int offsetV = offsetU + chromaWidth * ((height + 1) / 2);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int argb = image.getRGB(x, y);
                int r = (argb >> 16) & 0xFF;
                int g = (argb >> 8) & 0xFF;
                int b = argb & 0xFF;
                out[y * width + x] = (byte) (16 + (66 * r + 129 * g + 25 * b + 128 >> 8));
                if (x % 2 == 0 && y % 2 == 0) {
                    int chroma = y / 2 * chromaWidth + x / 2;
                    out[offsetU + chroma] = (byte) (128 + (-38 * r - 74 * g + 112 * b + 128 >> 8));
                    out[offsetV + chroma] = (byte) (128 + (112 * r - 94 * g - 18 * b + 128 >> 8));
                }
            }
        }
    }
}
