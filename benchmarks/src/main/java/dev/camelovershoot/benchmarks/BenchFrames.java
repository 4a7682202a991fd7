package dev.camelovershoot.benchmarks;

import dev.camelovershoot.testinfra.frames.I420Planes;
import dev.camelovershoot.transport.rtc.FrameCounter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;

/**
 * The benchmark's video, the same for every client: a textured scene with a 64x64 box moving 8 pixels per frame and
 * the frame number drawn along the top edge ({@link FrameCounter}). Frames are I420 bytes (Y, then U, then V, no row
 * padding); the rtc-node script draws the box and the counter the same way into the same base frame.
 */
final class BenchFrames {

    static final int BOX = 64;
    private static final int BOX_STEP = 8;

    private final int width;
    private final int height;
    private final byte[] base;

    BenchFrames(int width, int height) {
        this.width = width;
        this.height = height;
        this.base = scene(width, height);
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    /** Frame {@code n} as I420 bytes; frame 0 carries counter 0, which no measurement counts. */
    byte[] i420(int n) {
        byte[] frame = base.clone();
        int left = (n * BOX_STEP) % (width - BOX);
        int top = height / 2 - BOX / 2;
        for (int row = top; row < top + BOX; row++) {
            Arrays.fill(frame, row * width + left, row * width + left + BOX, (byte) 235);
        }
        FrameCounter.draw(ByteBuffer.wrap(frame, 0, width * height), width, n);
        return frame;
    }

    /** Frame {@code n} as a JPEG (quality: ImageIO's default, 0.75). */
    byte[] jpeg(int n) {
        byte[] frame = i420(n);
        int chroma = (width / 2) * (height / 2);
        I420Planes planes = new I420Planes(width, height, ByteBuffer.wrap(frame, 0, width * height), width,
                ByteBuffer.wrap(frame, width * height, chroma).slice(), width / 2,
                ByteBuffer.wrap(frame, width * height + chroma, chroma).slice(), width / 2);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(planes.toRgb(width, height), "jpeg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Writes the base frame (no box, no counter) for the rtc-node script. */
    void writeBase(Path file) throws IOException {
        Files.write(file, base);
    }

    /** Diagonal luma ramps and a 40-pixel checkerboard, chroma ramps: texture an encoder has to spend bits on. */
    private static byte[] scene(int width, int height) {
        int lumaSize = width * height;
        int chromaWidth = width / 2;
        int chromaHeight = height / 2;
        byte[] frame = new byte[lumaSize + 2 * chromaWidth * chromaHeight];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int checker = ((x / 40 + y / 40) & 1) * 40;
                frame[y * width + x] = (byte) (40 + checker + (x + y) * 120 / (width + height));
            }
        }
        for (int y = 0; y < chromaHeight; y++) {
            for (int x = 0; x < chromaWidth; x++) {
                frame[lumaSize + y * chromaWidth + x] = (byte) (64 + x * 128 / chromaWidth);
                frame[lumaSize + chromaWidth * chromaHeight + y * chromaWidth + x] = (byte) (64 + y * 128 / chromaHeight);
            }
        }
        return frame;
    }
}
