package dev.camelovershoot.testinfra.inference;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelovershoot.testinfra.frames.EmulatorFrame;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Facts computed from the pixels of the frames sampled for one inference: what the {@code describe} backend
 * answers and what {@code rules} conditions test.
 *
 * @param rgb        mean colour over all sampled frames, 0..255 per channel
 * @param color      name of the {@link Palette} colour nearest to the mean
 * @param brightness luma of the mean colour, 0..1
 * @param motion     mean absolute pixel difference between the first and last sampled frame, 0..1
 * @param colors     the palette colours of the sampled frames in order, consecutive repeats collapsed: what a window
 *                   of several frames showed
 */
public record FrameFacts(int width, int height, String color, List<Integer> rgb, double brightness, double motion, int frames,
                         long frameIndex, List<String> colors) {

    /** The facts of no frames at all (a text-only question): zero frames, no colour. */
    public static final FrameFacts NONE = new FrameFacts(0, 0, null, List.of(), 0, 0, 0, -1, List.of());

    private static final ObjectMapper JSON = new ObjectMapper();

    public static FrameFacts of(List<EmulatorFrame> frames) {
        if (frames.isEmpty()) {
            return NONE;
        }
        EmulatorFrame last = frames.get(frames.size() - 1);
        double[] sum = new double[3];
        List<String> colors = new ArrayList<>();
        for (EmulatorFrame f : frames) {
            double[] mean = meanRgb(f.image());
            for (int c = 0; c < 3; c++) {
                sum[c] += mean[c];
            }
            String color = Palette.nearest(new int[] {(int) Math.round(mean[0]), (int) Math.round(mean[1]),
                    (int) Math.round(mean[2])});
            if (colors.isEmpty() || !colors.get(colors.size() - 1).equals(color)) {
                colors.add(color);
            }
        }
        int[] rgb = new int[3];
        for (int c = 0; c < 3; c++) {
            rgb[c] = (int) Math.round(sum[c] / frames.size());
        }
        double brightness = (0.299 * rgb[0] + 0.587 * rgb[1] + 0.114 * rgb[2]) / 255.0;
        return new FrameFacts(last.width(), last.height(), Palette.nearest(rgb), List.of(rgb[0], rgb[1], rgb[2]),
                round(brightness),
                round(motion(frames.get(0).image(), last.image())), frames.size(), last.index(), List.copyOf(colors));
    }

    /** Compact JSON with keys {@code width, height, color, rgb, brightness, motion, frames, frame_index, colors}. */
    public ObjectNode toJson() {
        ObjectNode node = JSON.createObjectNode();
        node.put("width", width).put("height", height).put("color", color);
        rgb.forEach(node.putArray("rgb")::add);
        node.put("brightness", brightness).put("motion", motion).put("frames", frames).put("frame_index", frameIndex);
        colors.forEach(node.putArray("colors")::add);
        return node;
    }

    private static double[] meanRgb(BufferedImage image) {
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        long r = 0;
        long g = 0;
        long b = 0;
        for (int p : pixels) {
            r += (p >> 16) & 0xff;
            g += (p >> 8) & 0xff;
            b += p & 0xff;
        }
        return new double[] {(double) r / pixels.length, (double) g / pixels.length, (double) b / pixels.length};
    }

    /** Compares the two images pixel by pixel on the smaller one's grid (frames may change size mid-stream). */
    private static double motion(BufferedImage first, BufferedImage last) {
        int w = Math.min(first.getWidth(), last.getWidth());
        int h = Math.min(first.getHeight(), last.getHeight());
        long diff = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int a = first.getRGB(x * first.getWidth() / w, y * first.getHeight() / h);
                int b = last.getRGB(x * last.getWidth() / w, y * last.getHeight() / h);
                diff += Math.abs(((a >> 16) & 0xff) - ((b >> 16) & 0xff))
                        + Math.abs(((a >> 8) & 0xff) - ((b >> 8) & 0xff))
                        + Math.abs((a & 0xff) - (b & 0xff));
            }
        }
        return diff / (3.0 * 255 * w * h);
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
