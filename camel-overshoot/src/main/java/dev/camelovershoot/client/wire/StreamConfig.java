package dev.camelovershoot.client.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A stream's inference configuration, as returned after a prompt update.
 *
 * @param id               the configuration record id
 * @param streamId         the stream
 * @param prompt           the prompt now in effect (from the next inference on)
 * @param model            the model
 * @param backend          {@code overshoot} or {@code gemini}
 * @param outputSchemaJson the output schema, if any
 * @param createdAt        ISO-8601 creation time
 * @param updatedAt        ISO-8601 update time
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record StreamConfig(String id, String streamId, String prompt, String model, String backend,
                           JsonNode outputSchemaJson, String createdAt, String updatedAt) {
}
