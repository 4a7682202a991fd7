package dev.camelovershoot.testinfra.inference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelovershoot.testinfra.frames.EmulatorFrame;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import javax.imageio.ImageIO;

/**
 * Sends the sampled frames (base64 JPEG image parts), the prompt and the output schema to any OpenAI-compatible
 * chat-completions URL, such as a local vLLM or Ollama, and answers with the model's reply: the emulator as a
 * self-hosted gateway.
 */
public final class OpenAiBackend implements InferenceBackend {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI url;
    private final String model;
    private final String apiKey;
    private final Duration timeout;
    private final HttpClient http;

    /**
     * @param url     the full chat-completions URL, e.g. {@code http://localhost:11434/v1/chat/completions}
     * @param model   the model to ask, or {@code null} to pass on the stream's model
     * @param apiKey  sent as a Bearer token when not {@code null}
     */
    public OpenAiBackend(URI url, String model, String apiKey, Duration timeout) {
        this.url = url;
        this.model = model;
        this.apiKey = apiKey;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public InferenceOutput infer(InferenceRequest request) throws IOException, InterruptedException {
        HttpRequest.Builder call = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body(request).toString()));
        if (apiKey != null) {
            call.header("Authorization", "Bearer " + apiKey);
        }
        HttpResponse<String> response = http.send(call.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            return InferenceOutput.failure("model endpoint answered HTTP " + response.statusCode());
        }
        JsonNode choice = JSON.readTree(response.body()).path("choices").path(0);
        JsonNode finish = choice.path("finish_reason");
        return new InferenceOutput(choice.path("message").path("content").asText(""), true, null,
                finish.isTextual() ? finish.asText() : null);
    }

    private ObjectNode body(InferenceRequest request) {
        ObjectNode body = JSON.createObjectNode();
        body.put("model", model != null ? model : request.model());
        body.put("max_tokens", request.maxOutputTokens());
        ArrayNode content = body.putArray("messages").addObject().put("role", "user").putArray("content");
        content.addObject().put("type", "text").put("text", request.prompt());
        for (EmulatorFrame frame : request.frames()) {
            content.addObject().put("type", "image_url").putObject("image_url").put("url", dataUrl(frame));
        }
        if (request.outputSchema() != null) {
            body.putObject("response_format").put("type", "json_schema").putObject("json_schema")
                    .put("name", "output").put("strict", true).set("schema", request.outputSchema());
        }
        return body;
    }

    private static String dataUrl(EmulatorFrame frame) {
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        try {
            ImageIO.write(frame.image(), "jpg", jpeg);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "data:image/jpeg;base64," + Base64.getEncoder().encodeToString(jpeg.toByteArray());
    }
}
