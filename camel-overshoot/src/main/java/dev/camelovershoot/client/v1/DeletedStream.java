package dev.camelovershoot.client.v1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The answer to {@code DELETE /streams/{id}}.
 *
 * @param id      the stream id
 * @param deleted {@code true} when the service deleted it (or had, within its lookup window); {@code false} when
 *                the service no longer knew it (404), which the client treats as already deleted
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record DeletedStream(String id, boolean deleted) {
}
