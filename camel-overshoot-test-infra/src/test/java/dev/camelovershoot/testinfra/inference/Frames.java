package dev.camelovershoot.testinfra.inference;

import dev.camelovershoot.testinfra.frames.EmulatorFrame;
import dev.camelovershoot.testinfra.frames.FrameStore;
import dev.camelovershoot.testinfra.frames.TestImages;
import java.util.ArrayList;
import java.util.List;

/** Frames passed through a real store, as the backends see them. */
final class Frames {

    private Frames() {
    }

    static List<EmulatorFrame> of(int width, int height, String... colours) {
        FrameStore store = new FrameStore(100, 320);
        List<EmulatorFrame> frames = new ArrayList<>();
        for (String colour : colours) {
            frames.add(store.add(TestImages.solid(width, height, colour)));
        }
        return frames;
    }

    static InferenceRequest request(String prompt, String... colours) {
        return new InferenceRequest("frame", prompt, "Qwen/Qwen3.5-9B", null, 64, of(640, 480, colours));
    }
}
