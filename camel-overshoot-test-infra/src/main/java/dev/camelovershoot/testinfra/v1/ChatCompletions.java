package dev.camelovershoot.testinfra.v1;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelovershoot.testinfra.ModelEntry;
import dev.camelovershoot.testinfra.frames.EmulatorFrame;
import dev.camelovershoot.testinfra.frames.FrameStore;
import dev.camelovershoot.testinfra.inference.InferenceBackend;
import dev.camelovershoot.testinfra.inference.InferenceOutput;
import dev.camelovershoot.testinfra.inference.InferenceRequest;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /chat/completions}: resolves the request's media (ovs:// frames and windows, {@code data:} images) into
 * frames and asks the emulator's inference backend about them, honouring the response format and the token cap.
 */
final class ChatCompletions {

    /** An answer and what it cost. */
    record Completion(String id, long created, String model, String content, String finishReason, int promptTokens,
                      int completionTokens) {

        ObjectNode usage() {
            return V1Json.object().put("prompt_tokens", promptTokens).put("completion_tokens", completionTokens)
                    .put("total_tokens", promptTokens + completionTokens);
        }
    }

    /** Qwen's rule of thumb from the model page: about H×W/2048 tokens a frame. */
    private static final int PIXELS_PER_TOKEN = 2048;
    private static final Logger LOG = LoggerFactory.getLogger(ChatCompletions.class);

    private final V1Streams streams;
    private final InferenceBackend backend;
    private final int frameMaxSide;

    ChatCompletions(V1Streams streams, InferenceBackend backend, int frameMaxSide) {
        this.streams = streams;
        this.backend = backend;
        this.frameMaxSide = frameMaxSide;
    }

    Completion complete(String apiKey, ChatRequest request) {
        ModelEntry model = streams.settings().model(request.model());
        if (model == null) {
            throw V1Error.chat(404, "validation_error", "model_not_found", "Model " + request.model()
                    + " is not in the catalog (GET /models)");
        }
        if (!model.isReady()) {
            throw V1Error.simple(503, "Model " + model.model() + " is temporarily unavailable");
        }
        List<EmulatorFrame> frames = new ArrayList<>();
        boolean window = false;
        for (ChatRequest.MediaPart part : request.media()) {
            window |= part.video();
            frames.addAll(resolve(apiKey, part));
        }
        JsonNode schema = request.schema() != null ? request.schema()
                : request.wantsJson() ? V1Json.object().put("type", "object") : null;
        InferenceRequest inference = new InferenceRequest(window ? "clip" : "frame", request.prompt(),
                request.model(), schema, request.maxTokens(), frames);
        InferenceOutput output = infer(inference).cappedAt(request.maxTokens());
        String content = request.wantsJson() ? asJson(output.text()) : output.text();
        int promptTokens = InferenceOutput.estimateTokens(request.prompt())
                + frames.stream().mapToInt(ChatCompletions::visualTokens).sum();
        return new Completion("chatcmpl-" + UUID.randomUUID().toString().replace("-", ""),
                System.currentTimeMillis() / 1000, request.model(), content,
                output.finishReason() == null ? "stop" : output.finishReason(), promptTokens,
                InferenceOutput.estimateTokens(content));
    }

    private List<EmulatorFrame> resolve(String apiKey, ChatRequest.MediaPart part) {
        if (OvsReference.isOvs(part.url())) {
            OvsReference reference = OvsReference.parse(part.url(), part.video(), part.loc());
            V1Stream stream = streams.active(apiKey, reference.streamId(), true);
            FrameStore store = stream.frames().orElseThrow(() -> V1Error.streamNotFound(true));
            FrameResolver resolver = FrameResolver.of(store);
            return reference instanceof OvsReference.Window w ? resolver.window(w)
                    : List.of(resolver.frame((OvsReference.Frame) reference));
        }
        if (!part.video() && part.url().startsWith("data:image/")) {
            return List.of(new FrameStore(1, frameMaxSide).add(decode(part.url())));
        }
        throw V1Error.chat(400, "validation_error", "media_url_unsupported", "The emulator answers about ovs:// "
                + "references and data:image URLs only; it fetches nothing from the network");
    }

    private InferenceOutput infer(InferenceRequest request) {
        InferenceOutput output;
        try {
            output = backend.infer(request);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw V1Error.simple(503, "Interrupted");
        } catch (Exception e) {
            LOG.warn("The inference backend failed: {}", e.toString());
            throw V1Error.chat(502, "upstream_error", "upstream_request_failed", "The model could not be reached");
        }
        if (output == null) {
            throw V1Error.simple(503, "The model gave no answer (a scripted backend with nothing queued)");
        }
        if (!output.ok()) {
            throw V1Error.chat(502, "upstream_error", "upstream_request_failed", "The model failed: " + output.error());
        }
        return output;
    }

    private static BufferedImage decode(String dataUrl) {
        int comma = dataUrl.indexOf(',');
        try {
            if (comma < 0 || !dataUrl.substring(0, comma).endsWith(";base64")) {
                throw new IOException("not base64");
            }
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(
                    Base64.getDecoder().decode(dataUrl.substring(comma + 1))));
            if (image == null) {
                throw new IOException("not an image");
            }
            return image;
        } catch (IOException | IllegalArgumentException e) {
            throw V1Error.chat(400, "validation_error", "image_invalid", "The data: URL is not a base64 image");
        }
    }

    /** JSON as it is; any other answer wrapped as {@code {"answer": text}}, so that a JSON format is always kept. */
    private static String asJson(String text) {
        try {
            JsonNode parsed = V1Json.MAPPER.readTree(text);
            if (parsed != null && parsed.isContainerNode()) {
                return text;
            }
        } catch (JsonProcessingException e) {
            // not JSON: wrapped below
        }
        return V1Json.object().put("answer", text).toString();
    }

    private static int visualTokens(EmulatorFrame frame) {
        return Math.max(1, frame.width() * frame.height() / PIXELS_PER_TOKEN);
    }
}
