package dev.camelovershoot.testinfra.frames;

import dev.camelovershoot.testinfra.inference.Palette;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

/** Images for tests and samples whose content the {@code describe} backend can name. */
public final class TestImages {

    private TestImages() {
    }

    /** A frame filled with one palette colour ({@code red}, {@code blue}, ...). */
    public static BufferedImage solid(int width, int height, String colour) {
        int[] rgb = Palette.rgb(colour);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(new Color(rgb[0], rgb[1], rgb[2]));
            g.fillRect(0, 0, width, height);
        } finally {
            g.dispose();
        }
        return image;
    }
}
