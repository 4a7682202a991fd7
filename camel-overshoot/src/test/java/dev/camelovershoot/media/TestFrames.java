package dev.camelovershoot.media;

import dev.camelovershoot.testinfra.inference.Palette;
import java.nio.ByteBuffer;

/** Synthetic I420 frames for tests, computed in plain Java (BT.601, limited range). */
public final class TestFrames {

    private TestFrames() {
    }

    /** A frame filled with one palette colour. */
    public static I420Frame solid(I420FramePool pool, int width, int height, String colour, long timestampNanos) {
        int[] yuv = yuv(Palette.rgb(colour));
        I420Frame frame = pool.acquire(width, height, timestampNanos);
        fill(frame, yuv);
        return frame;
    }

    /** Y, U and V of an RGB colour. */
    public static int[] yuv(int[] rgb) {
        int r = rgb[0];
        int g = rgb[1];
        int b = rgb[2];
        return new int[] {
            16 + (66 * r + 129 * g + 25 * b + 128 >> 8),
            128 + (-38 * r - 74 * g + 112 * b + 128 >> 8),
            128 + (112 * r - 94 * g - 18 * b + 128 >> 8)
        };
    }

    private static void fill(I420Frame frame, int[] yuv) {
        fillPlane(frame.y(), frame.strideY() * frame.height(), yuv[0]);
        fillPlane(frame.u(), frame.strideU() * frame.chromaHeight(), yuv[1]);
        fillPlane(frame.v(), frame.strideV() * frame.chromaHeight(), yuv[2]);
    }

    private static void fillPlane(ByteBuffer plane, int bytes, int value) {
        for (int i = 0; i < bytes; i++) {
            plane.put(i, (byte) value);
        }
    }
}
