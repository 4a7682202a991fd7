package dev.camelovershoot.benchmarks;

import dev.camelovershoot.testinfra.OvershootEmulator;

/** The endpoint options every benchmark stream has: the emulator, the model, the codec and the frame size. */
final class StreamUris {

    private StreamUris() {
    }

    static String common(ProbeProcess probe, String codec, int width, int height) {
        return "apiUrl=RAW(" + probe.apiUrl() + ")&apiKey=RAW(" + probe.apiKey() + ")&model="
                + OvershootEmulator.DEFAULT_MODELS.get(0).model() + "&codec=" + codec + "&width=" + width + "&height="
                + height;
    }
}
