package dev.camelovershoot.testinfra.inference;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelovershoot.testinfra.frames.EmulatorFrame;
import java.util.List;

/**
 * What a backend is asked: the prompt in effect and the frames sampled for this inference, oldest first.
 *
 * @param outputSchema    the stream's {@code output_schema_json}, or {@code null}
 * @param maxOutputTokens the effective token cap (given, or {@code floor(128 × period)})
 */
public record InferenceRequest(String mode, String prompt, String model, JsonNode outputSchema, int maxOutputTokens,
                               List<EmulatorFrame> frames) {

    public InferenceRequest {
        frames = List.copyOf(frames);
    }

    public EmulatorFrame lastFrame() {
        return frames.get(frames.size() - 1);
    }
}
