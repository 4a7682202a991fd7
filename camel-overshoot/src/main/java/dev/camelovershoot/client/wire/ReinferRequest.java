package dev.camelovershoot.client.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * The body of {@code POST /chat/completions/clip}: run a new prompt on the clip behind an earlier result.
 *
 * @param resultId     the {@code id} of a results-channel message
 * @param prompt       the new prompt
 * @param model        the model
 * @param temperature  sampling temperature
 * @param maxTokens    output token cap
 * @param outputSchema a JSON Schema for the answer (note: {@code output_schema}, not {@code output_schema_json})
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ReinferRequest(String resultId, String prompt, String model, Double temperature, Integer maxTokens,
                             JsonNode outputSchema) {

    public static ReinferRequest of(String resultId, String prompt, String model) {
        return new ReinferRequest(Objects.requireNonNull(resultId, "resultId"), Objects.requireNonNull(prompt, "prompt"),
                Objects.requireNonNull(model, "model"), null, null, null);
    }
}
