package dev.camelovershoot.client.v1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A model of {@code GET /models} (OpenAI's list shape, {@code data}).
 *
 * @param id      the id to send as {@code model}
 * @param object  {@code model}
 * @param created Unix seconds the entry was registered
 * @param ownedBy the provider, {@code overshoot} for hosted models
 * @param status  {@code ready}; the vendor's pages disagree on the other value ({@code unavailable} or
 *                {@code loading})
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Model(String id, String object, long created, String ownedBy, String status) {

    /** Whether it takes requests now (a ready model can still answer 503). */
    public boolean ready() {
        return "ready".equals(status);
    }
}
