package dev.camelovershoot.demo;

import dev.camelovershoot.actions.DetectedAction;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/** A PNG timeline of action events: one lane per action, a bar per event, an axis in seconds. */
final class TimelinePicture {

    private static final int WIDTH = 900;
    private static final int LEFT = 120;
    private static final int RIGHT = 30;
    private static final int TOP = 40;
    private static final int LANE = 44;
    private static final int BAR = 24;
    private static final int AXIS = 40;
    /** How wide an event without a duration is drawn, in seconds. */
    private static final double TICK_SECONDS = 0.1;
    private static final Color[] BAR_COLOURS = {
        new Color(0xD6, 0x45, 0x45), new Color(0x3C, 0xA5, 0x5C), new Color(0x3F, 0x6F, 0xD8),
        new Color(0xE0, 0x9A, 0x2B), new Color(0x8E, 0x4E, 0xC6)};

    private TimelinePicture() {
    }

    /**
     * Draws the events of {@code actions} (one lane each, in that order) over at least {@code minSeconds} into
     * {@code file}; returns it.
     */
    static Path write(Path file, String title, List<String> actions, List<DetectedAction> events, double minSeconds)
            throws IOException {
        double seconds = Math.ceil(Math.max(minSeconds, events.stream().mapToDouble(TimelinePicture::end).max()
                .orElse(0)));
        int height = TOP + LANE * Math.max(1, actions.size()) + AXIS;
        BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, height);
            g.setColor(Color.DARK_GRAY);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
            g.drawString(title, LEFT, 24);
            Scale scale = new Scale(seconds);
            drawLanes(g, actions, events, scale);
            drawAxis(g, scale, TOP + LANE * Math.max(1, actions.size()));
        } finally {
            g.dispose();
        }
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("No PNG writer available");
        }
        return file;
    }

    /** Seconds to x pixels. */
    private record Scale(double seconds) {
        int x(double at) {
            return LEFT + (int) Math.round(at / seconds * (WIDTH - LEFT - RIGHT));
        }
    }

    private static void drawLanes(Graphics2D g, List<String> actions, List<DetectedAction> events, Scale scale) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        FontMetrics metrics = g.getFontMetrics();
        for (int lane = 0; lane < actions.size(); lane++) {
            String action = actions.get(lane);
            int top = TOP + lane * LANE;
            g.setColor(lane % 2 == 0 ? new Color(0xF4, 0xF4, 0xF4) : Color.WHITE);
            g.fillRect(LEFT, top, WIDTH - LEFT - RIGHT, LANE);
            g.setColor(Color.BLACK);
            g.drawString(action, LEFT - 10 - metrics.stringWidth(action), top + LANE / 2 + metrics.getAscent() / 2 - 2);
            g.setColor(BAR_COLOURS[lane % BAR_COLOURS.length]);
            int barTop = top + (LANE - BAR) / 2;
            for (DetectedAction event : events) {
                if (event.action().equals(action)) {
                    int from = scale.x(event.timestamp());
                    g.fillRoundRect(from, barTop, Math.max(3, scale.x(end(event)) - from), BAR, 6, 6);
                }
            }
        }
    }

    private static void drawAxis(Graphics2D g, Scale scale, int y) {
        g.setColor(Color.DARK_GRAY);
        g.setStroke(new BasicStroke(1));
        g.drawLine(LEFT, y, scale.x(scale.seconds()), y);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        FontMetrics metrics = g.getFontMetrics();
        for (int s = 0; s <= (int) scale.seconds(); s++) {
            int x = scale.x(s);
            g.drawLine(x, y, x, y + 5);
            String label = s + " s";
            g.drawString(label, x - metrics.stringWidth(label) / 2, y + 8 + metrics.getAscent());
        }
    }

    private static double end(DetectedAction event) {
        return event.timestamp() + (event.duration() == null ? TICK_SECONDS : event.duration());
    }
}
