package dev.camelovershoot.client.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The body of an error response.
 *
 * @param error     machine-readable code, e.g. {@code validation_error}
 * @param message   human-readable text
 * @param requestId the service's request id
 * @param details   more information, e.g. the invalid fields
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ErrorBody(String error, String message, String requestId, JsonNode details) {
}
