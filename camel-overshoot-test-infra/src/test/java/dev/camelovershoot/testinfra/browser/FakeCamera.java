package dev.camelovershoot.testinfra.browser;

import dev.camelovershoot.testinfra.inference.Palette;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A {@code .y4m} file for Chromium's {@code --use-file-for-fake-video-capture}: solid colours one after the other
 * (the browser loops the file). Small frames keep the file a few megabytes.
 */
final class FakeCamera {

    static final int WIDTH = 128;
    static final int HEIGHT = 96;
    /** The browser SDK sends the camera's rate as {@code fps} with {@code sampling_ratio} 0.1: 30 gives 3 fps. */
    static final int FPS = 30;

    private FakeCamera() {
    }

    /** Writes {@code seconds[i]} of {@code colours[i]} (palette names), in order. */
    static Path write(Path file, String[] colours, int[] seconds) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            out.write(("YUV4MPEG2 W" + WIDTH + " H" + HEIGHT + " F" + FPS + ":1 Ip A1:1 C420jpeg\n")
                    .getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < colours.length; i++) {
                byte[] frame = frame(Palette.rgb(colours[i]));
                for (int n = 0; n < seconds[i] * FPS; n++) {
                    out.write("FRAME\n".getBytes(StandardCharsets.US_ASCII));
                    out.write(frame);
                }
            }
        }
        return file;
    }

    /** One I420 frame of a solid colour (BT.601 full range, as {@code C420jpeg} says). */
    private static byte[] frame(int[] rgb) {
        double r = rgb[0];
        double g = rgb[1];
        double b = rgb[2];
        int luma = WIDTH * HEIGHT;
        int chroma = luma / 4;
        byte[] frame = new byte[luma + 2 * chroma];
        Arrays.fill(frame, 0, luma, clamp(0.299 * r + 0.587 * g + 0.114 * b));
        Arrays.fill(frame, luma, luma + chroma, clamp(128 - 0.168736 * r - 0.331264 * g + 0.5 * b));
        Arrays.fill(frame, luma + chroma, frame.length, clamp(128 + 0.5 * r - 0.418688 * g - 0.081312 * b));
        return frame;
    }

    private static byte clamp(double value) {
        return (byte) Math.max(0, Math.min(255, Math.round(value)));
    }
}
