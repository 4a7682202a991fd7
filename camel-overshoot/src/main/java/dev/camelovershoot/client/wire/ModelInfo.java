package dev.camelovershoot.client.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A model offered by the service.
 *
 * @param model  the id to put in {@code inference.model}
 * @param ready  whether it accepts new streams
 * @param status {@code ready}, {@code degraded}, {@code saturated} or {@code unavailable}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ModelInfo(String model, boolean ready, String status) {
}
