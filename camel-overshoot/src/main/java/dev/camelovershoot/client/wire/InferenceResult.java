package dev.camelovershoot.client.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * One result pushed over the results channel.
 *
 * @param id                 result id, usable for a reinfer call
 * @param streamId           the stream
 * @param mode               {@code clip} or {@code frame}
 * @param modelName          the model
 * @param prompt             the prompt in effect for this inference
 * @param result             the model output, always text; JSON text with an output schema; may be empty on failure
 * @param inferenceLatencyMs model time
 * @param totalLatencyMs     end-to-end time
 * @param ok                 whether the inference succeeded
 * @param error              why it failed
 * @param finishReason       {@code stop}, {@code length} (truncated at the token cap), {@code content_filter}
 * @param modelBackend       {@code overshoot} or {@code gemini}, when sent
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record InferenceResult(String id, String streamId, String mode, String modelName, String prompt, String result,
                              double inferenceLatencyMs, double totalLatencyMs, boolean ok, String error,
                              String finishReason, String modelBackend) {
}
