package dev.camelovershoot.benchmarks;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;

/** Bar and line charts drawn with Java2D (headless) into PNG files. */
final class Plot {

    /** One bar. */
    record Bar(String label, double value) {
    }

    private static final int WIDTH = 900;
    private static final int HEIGHT = 480;
    private static final int LEFT = 90;
    private static final int RIGHT = 30;
    private static final int TOP = 50;
    private static final int BOTTOM = 110;
    private static final Color[] COLOURS = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
        new Color(0xd62728), new Color(0x9467bd), new Color(0x8c564b)};

    private Plot() {
    }

    static void bars(String title, String unit, List<Bar> bars, Path file) throws IOException {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas(image, title);
        double max = bars.stream().mapToDouble(Bar::value).filter(Double::isFinite).max().orElse(1) * 1.15;
        axis(g, 0, max, unit);
        int plotWidth = WIDTH - LEFT - RIGHT;
        int slot = plotWidth / Math.max(1, bars.size());
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            double value = Double.isFinite(bar.value()) ? bar.value() : 0;
            int h = (int) ((HEIGHT - TOP - BOTTOM) * value / max);
            int x = LEFT + i * slot + slot / 6;
            g.setColor(COLOURS[i % COLOURS.length]);
            g.fillRect(x, HEIGHT - BOTTOM - h, slot * 2 / 3, h);
            g.setColor(Color.BLACK);
            g.drawString(format(bar.value()), x, HEIGHT - BOTTOM - h - 4);
            drawLabel(g, bar.label(), x, HEIGHT - BOTTOM + 16, slot);
        }
        write(g, image, file);
    }

    /** One horizontal bar per row, label on the left: for many bars whose labels would not fit under columns. */
    static void rows(String title, String unit, List<Bar> bars, Path file) throws IOException {
        int rowHeight = 20;
        int labelWidth = 230;
        int height = TOP + bars.size() * rowHeight + 20;
        BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas(image, title + " (" + unit + ")");
        double max = bars.stream().mapToDouble(Bar::value).filter(Double::isFinite).max().orElse(1) * 1.1;
        int plotWidth = WIDTH - labelWidth - RIGHT - 50;
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            int y = TOP + i * rowHeight;
            int w = (int) (plotWidth * (Double.isFinite(bar.value()) ? bar.value() : 0) / max);
            g.setColor(Color.BLACK);
            g.drawString(bar.label(), 10, y + rowHeight - 6);
            g.setColor(COLOURS[i % COLOURS.length]);
            g.fillRect(labelWidth, y + 3, Math.max(1, w), rowHeight - 6);
            g.setColor(Color.BLACK);
            g.drawString(format(bar.value()), labelWidth + w + 6, y + rowHeight - 6);
        }
        write(g, image, file);
    }

    /** Lines of (x, y) points, one per series, with a legend. */
    static void lines(String title, String xUnit, String yUnit, Map<String, List<double[]>> series, Path file)
            throws IOException {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas(image, title);
        double maxX = series.values().stream().flatMap(List::stream).mapToDouble(p -> p[0]).max().orElse(1);
        double maxY = series.values().stream().flatMap(List::stream).mapToDouble(p -> p[1]).max().orElse(1) * 1.05;
        axis(g, 0, maxY, yUnit);
        g.drawString("0", LEFT, HEIGHT - BOTTOM + 16);
        g.drawString(format(maxX) + " " + xUnit, WIDTH - RIGHT - 80, HEIGHT - BOTTOM + 16);
        int i = 0;
        g.setStroke(new BasicStroke(2f));
        for (Map.Entry<String, List<double[]>> s : series.entrySet()) {
            g.setColor(COLOURS[i % COLOURS.length]);
            int[] previous = null;
            for (double[] p : s.getValue()) {
                int[] point = {LEFT + (int) ((WIDTH - LEFT - RIGHT) * p[0] / maxX),
                    HEIGHT - BOTTOM - (int) ((HEIGHT - TOP - BOTTOM) * p[1] / maxY)};
                if (previous != null) {
                    g.drawLine(previous[0], previous[1], point[0], point[1]);
                }
                previous = point;
            }
            g.fillRect(LEFT + 10, HEIGHT - BOTTOM + 40 + i * 16 - 9, 10, 10);
            g.drawString(s.getKey(), LEFT + 26, HEIGHT - BOTTOM + 40 + i * 16);
            i++;
        }
        write(g, image, file);
    }

    private static Graphics2D canvas(BufferedImage image, String title) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString(title, LEFT, 30);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        return g;
    }

    private static void axis(Graphics2D g, double min, double max, String unit) {
        g.setColor(Color.LIGHT_GRAY);
        for (int t = 0; t <= 4; t++) {
            int y = HEIGHT - BOTTOM - (HEIGHT - TOP - BOTTOM) * t / 4;
            g.drawLine(LEFT, y, WIDTH - RIGHT, y);
            g.setColor(Color.BLACK);
            g.drawString(format(min + (max - min) * t / 4), 10, y + 4);
            g.setColor(Color.LIGHT_GRAY);
        }
        g.setColor(Color.BLACK);
        g.drawLine(LEFT, TOP, LEFT, HEIGHT - BOTTOM);
        g.drawLine(LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM);
        g.drawString(unit, 10, TOP - 8);
    }

    /** Labels wrap at spaces to fit their slot. */
    private static void drawLabel(Graphics2D g, String label, int x, int y, int slot) {
        StringBuilder line = new StringBuilder();
        int row = 0;
        for (String word : label.split(" ")) {
            if (line.length() > 0 && g.getFontMetrics().stringWidth(line + " " + word) > slot - 4) {
                g.drawString(line.toString(), x, y + row++ * 14);
                line.setLength(0);
            }
            line.append(line.length() == 0 ? "" : " ").append(word);
        }
        g.drawString(line.toString(), x, y + row * 14);
    }

    private static String format(double v) {
        return !Double.isFinite(v) ? "n/a" : Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%.0f", v)
                : String.format(Locale.ROOT, "%.2f", v);
    }

    private static void write(Graphics2D g, BufferedImage image, Path file) throws IOException {
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }
}
