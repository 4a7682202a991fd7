package dev.camelovershoot.transport.rtc;

import dev.camelovershoot.media.I420Frame;
import dev.onvoid.webrtc.media.video.I420Buffer;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;

/**
 * A frame number drawn into the luma plane as 16 black or white 32x32 blocks along the top edge, and read back after
 * encoding and decoding. Received frames carry no usable timestamp (libwebrtc sets an estimated render time), so
 * this is how a test pairs a decoded frame with the frame pushed.
 */
public final class FrameCounter {

    static final int BITS = 16;
    static final int BLOCK = 32;
    private static final int BLACK = 16;
    private static final int WHITE = 235;

    private FrameCounter() {
    }

    public static void draw(I420Frame frame, int counter) {
        draw(frame.y(), frame.strideY(), counter);
    }

    /** Draws into a bare luma plane, e.g. raw I420 bytes that become a producer body. */
    public static void draw(ByteBuffer luma, int strideY, int counter) {
        for (int bit = 0; bit < BITS; bit++) {
            byte value = (byte) (((counter >> bit) & 1) == 1 ? WHITE : BLACK);
            for (int row = 0; row < BLOCK; row++) {
                for (int col = 0; col < BLOCK; col++) {
                    luma.put(row * strideY + bit * BLOCK + col, value);
                }
            }
        }
    }

    /**
     * Reads the counter from an RGB copy of the frame scaled by {@code scale} (the emulator keeps frames scaled down).
     */
    public static int read(BufferedImage image, double scale) {
        int counter = 0;
        for (int bit = 0; bit < BITS; bit++) {
            int rgb = image.getRGB((int) ((bit * BLOCK + BLOCK / 2) * scale), (int) (BLOCK / 2 * scale));
            int luma = (((rgb >> 16) & 0xFF) + ((rgb >> 8) & 0xFF) + (rgb & 0xFF)) / 3;
            if (luma > 128) {
                counter |= 1 << bit;
            }
        }
        return counter;
    }

    static int read(I420Buffer frame) {
        ByteBuffer luma = frame.getDataY();
        int counter = 0;
        for (int bit = 0; bit < BITS; bit++) {
            int centre = BLOCK / 2 * frame.getStrideY() + bit * BLOCK + BLOCK / 2;
            if ((luma.get(centre) & 0xFF) > (BLACK + WHITE) / 2) {
                counter |= 1 << bit;
            }
        }
        return counter;
    }
}
