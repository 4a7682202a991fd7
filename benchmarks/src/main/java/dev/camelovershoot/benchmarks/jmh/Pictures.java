package dev.camelovershoot.benchmarks.jmh;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Camera-like test pictures: gradients, shapes, text and sensor noise, so that JPEG and PNG decoding do realistic
 * work (a flat colour would decode in a fraction of the time). Seeded: every run measures the same pictures.
 */
final class Pictures {

    private static final long SEED = 8;
    private static final int SHAPES = 24;
    private static final int NOISE = 12;

    private Pictures() {
    }

    /** A picture of the given size stored as {@code type}. */
    static BufferedImage scene(int width, int height, int type) {
        BufferedImage image = new BufferedImage(width, height, type);
        Graphics2D g = image.createGraphics();
        try {
            draw(g, width, height);
        } finally {
            g.dispose();
        }
        addNoise(image);
        return image;
    }

    static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void draw(Graphics2D g, int width, int height) {
        Random random = new Random(SEED);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, new Color(40, 90, 160), width, height, new Color(230, 190, 120)));
        g.fillRect(0, 0, width, height);
        g.setStroke(new BasicStroke(Math.max(2, width / 200f)));
        for (int i = 0; i < SHAPES; i++) {
            g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256), 160 + random.nextInt(96)));
            int x = random.nextInt(width);
            int y = random.nextInt(height);
            int w = width / 20 + random.nextInt(width / 5);
            int h = height / 20 + random.nextInt(height / 5);
            switch (i % 3) {
                case 0 -> g.fillOval(x, y, w, h);
                case 1 -> g.fillRect(x, y, w, h);
                default -> g.drawLine(x, y, x + w, y + h);
            }
        }
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, height / 12));
        g.drawString("camel-overshoot 12:34:56", width / 20, height - height / 10);
    }

    /** Per-pixel noise on every channel, as a camera sensor adds. */
    private static void addNoise(BufferedImage image) {
        Random random = new Random(SEED);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int argb = image.getRGB(x, y);
                int red = clamp(((argb >> 16) & 0xFF) + random.nextInt(2 * NOISE + 1) - NOISE);
                int green = clamp(((argb >> 8) & 0xFF) + random.nextInt(2 * NOISE + 1) - NOISE);
                int blue = clamp((argb & 0xFF) + random.nextInt(2 * NOISE + 1) - NOISE);
                image.setRGB(x, y, argb & 0xFF000000 | red << 16 | green << 8 | blue);
            }
        }
    }

    private static int clamp(int value) {
        return Math.max(0, Math.min(255, value));
    }
}
