package dev.camelovershoot.examples.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelovershoot.testinfra.inference.InferenceBackend;
import dev.camelovershoot.testinfra.inference.InferenceOutput;
import dev.camelovershoot.testinfra.inference.InferenceRequest;
import java.util.List;

/**
 * The emulator's model for the scale-out test: answers which frames it saw, as read from their marks,
 * {@code {"camera":3,"frames":[17,18,19]}} (the camera of the newest frame, the frame numbers in order).
 */
final class FrameMarksBackend implements InferenceBackend {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public InferenceOutput infer(InferenceRequest request) {
        List<CameraFrames.Mark> marks = request.frames().stream().map(CameraFrames::read).toList();
        ObjectNode answer = JSON.createObjectNode().put("camera", marks.get(marks.size() - 1).camera());
        marks.stream().mapToInt(CameraFrames.Mark::seq).distinct().sorted().forEach(answer.putArray("frames")::add);
        return InferenceOutput.success(answer.toString());
    }
}
