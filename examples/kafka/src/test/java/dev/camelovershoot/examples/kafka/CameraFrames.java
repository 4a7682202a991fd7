package dev.camelovershoot.examples.kafka;

import dev.camelovershoot.testinfra.frames.EmulatorFrame;
import dev.camelovershoot.transport.rtc.FrameCounter;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import javax.imageio.ImageIO;

/**
 * Synthetic camera frames whose camera and frame number survive the trip to the emulator: both are drawn as one
 * {@link FrameCounter} (camera in the top 4 bits, frame number in the low 12) and read back from what the emulator
 * decoded, so a result can be matched to the frames it covers.
 */
final class CameraFrames {

    static final int WIDTH = 512;
    static final int HEIGHT = 288;
    private static final int SEQ_BITS = 12;
    private static final int SEQ_MASK = (1 << SEQ_BITS) - 1;

    /** A frame's identity: camera 1..15, frame number 0..4095. */
    record Mark(int camera, int seq) {
    }

    private CameraFrames() {
    }

    static String name(int camera) {
        return String.format("cam-%02d", camera);
    }

    /** Frame {@code seq} of {@code camera} as a JPEG: mid grey with the mark along the top edge. */
    static byte[] jpeg(int camera, int seq) {
        BufferedImage grey = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_BYTE_GRAY);
        byte[] luma = ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
        Arrays.fill(luma, (byte) 128);
        FrameCounter.draw(ByteBuffer.wrap(luma), WIDTH, camera << SEQ_BITS | (seq & SEQ_MASK));
        BufferedImage rgb = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_3BYTE_BGR);
        rgb.getGraphics().drawImage(grey, 0, 0, null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(rgb, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The mark of a frame as the emulator stored it (scaled down). */
    static Mark read(EmulatorFrame frame) {
        int value = FrameCounter.read(frame.image(), frame.image().getWidth() / (double) WIDTH);
        return new Mark(value >>> SEQ_BITS, value & SEQ_MASK);
    }
}
