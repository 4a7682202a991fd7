package dev.camelovershoot.client.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Objects;

/**
 * What the model is asked.
 *
 * @param prompt           the instruction, non-empty
 * @param model            a model id from {@code GET /models}
 * @param backend          {@code overshoot} or {@code gemini}; absent means the service default
 * @param outputSchemaJson a JSON Schema the result text must conform to
 * @param maxOutputTokens  per-inference token cap; the service allows 128 tokens per second of interval
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Inference(String prompt, String model, String backend, JsonNode outputSchemaJson,
                        Integer maxOutputTokens) {

    public static Inference of(String prompt, String model) {
        return new Inference(Objects.requireNonNull(prompt, "prompt"), Objects.requireNonNull(model, "model"),
                null, null, null);
    }

    public Inference withPrompt(String newPrompt) {
        return new Inference(Objects.requireNonNull(newPrompt, "prompt"), model, backend, outputSchemaJson,
                maxOutputTokens);
    }

    public Inference withBackend(String newBackend) {
        return new Inference(prompt, model, newBackend, outputSchemaJson, maxOutputTokens);
    }

    public Inference withOutputSchema(JsonNode schema) {
        return new Inference(prompt, model, backend, schema, maxOutputTokens);
    }

    public Inference withMaxOutputTokens(Integer tokens) {
        return new Inference(prompt, model, backend, outputSchemaJson, tokens);
    }
}
