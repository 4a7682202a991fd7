package dev.camelovershoot.client.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The answer of a reinfer call.
 *
 * @param id           the completion id
 * @param model        the model
 * @param content      the answer; JSON text when a schema was given
 * @param finishReason {@code stop}, {@code length}, ...
 * @param usage        token usage, in the service's shape
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ReinferResult(String id, String model, String content, String finishReason, JsonNode usage) {
}
