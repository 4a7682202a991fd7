package dev.camelovershoot.media;

import dev.camelovershoot.testinfra.inference.Palette;
import java.nio.ByteBuffer;

/** Reads colours back out of I420 frames the way a viewer would see them (BT.601, limited range). */
public final class FrameColours {

    private FrameColours() {
    }

    /** The palette colour nearest to the average of the whole frame. */
    public static String colour(I420Frame frame) {
        return colour(frame, 0, 0, frame.width(), frame.height());
    }

    /** The palette colour nearest to the average of a rectangle of luma pixels. */
    public static String colour(I420Frame frame, int x, int y, int width, int height) {
        return Palette.nearest(averageRgb(frame, x, y, width, height));
    }

    public static int[] averageRgb(I420Frame frame, int x, int y, int width, int height) {
        double luma = average(frame.y(), frame.strideY(), x, y, width, height);
        double u = average(frame.u(), frame.strideU(), x / 2, y / 2, Math.max(1, width / 2), Math.max(1, height / 2));
        double v = average(frame.v(), frame.strideV(), x / 2, y / 2, Math.max(1, width / 2), Math.max(1, height / 2));
        return rgb(luma, u, v);
    }

    public static int[] rgb(double luma, double u, double v) {
        double c = 1.164 * (luma - 16);
        return new int[] {
            clamp(c + 1.596 * (v - 128)),
            clamp(c - 0.392 * (u - 128) - 0.813 * (v - 128)),
            clamp(c + 2.017 * (u - 128))
        };
    }

    private static double average(ByteBuffer plane, int stride, int x, int y, int width, int height) {
        long sum = 0;
        for (int row = y; row < y + height; row++) {
            for (int col = x; col < x + width; col++) {
                sum += plane.get(row * stride + col) & 0xFF;
            }
        }
        return (double) sum / ((long) width * height);
    }

    private static int clamp(double value) {
        return (int) Math.max(0, Math.min(255, Math.round(value)));
    }
}
