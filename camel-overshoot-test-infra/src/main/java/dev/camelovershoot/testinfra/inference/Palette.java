package dev.camelovershoot.testinfra.inference;

import java.util.Map;

/** The named colours the {@code describe} backend can report. */
public final class Palette {

    private static final Map<String, int[]> COLOURS = Map.of(
            "black", new int[] {0, 0, 0},
            "white", new int[] {255, 255, 255},
            "gray", new int[] {128, 128, 128},
            "red", new int[] {255, 0, 0},
            "green", new int[] {0, 255, 0},
            "blue", new int[] {0, 0, 255},
            "yellow", new int[] {255, 255, 0},
            "cyan", new int[] {0, 255, 255},
            "magenta", new int[] {255, 0, 255},
            "orange", new int[] {255, 165, 0});

    private Palette() {
    }

    /** The palette colour with the smallest Euclidean RGB distance to {@code rgb}. */
    public static String nearest(int[] rgb) {
        String best = null;
        long bestDistance = Long.MAX_VALUE;
        for (Map.Entry<String, int[]> e : COLOURS.entrySet()) {
            long d = 0;
            for (int c = 0; c < 3; c++) {
                long delta = rgb[c] - e.getValue()[c];
                d += delta * delta;
            }
            if (d < bestDistance) {
                bestDistance = d;
                best = e.getKey();
            }
        }
        return best;
    }

    /** The RGB value of a palette colour, for tests and sample generators. */
    public static int[] rgb(String name) {
        int[] rgb = COLOURS.get(name);
        if (rgb == null) {
            throw new IllegalArgumentException("Unknown colour '" + name + "'; known: " + COLOURS.keySet());
        }
        return rgb.clone();
    }
}
