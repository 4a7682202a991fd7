package dev.camelovershoot.client.v1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * Structured output, passed to the model unchanged: a JSON schema the answer must follow, or any JSON object (one
 * official agent puts the schema in the prompt instead, since strict schema decoding is much slower with video).
 *
 * @param type       {@code json_schema} or {@code json_object}
 * @param jsonSchema the schema of a {@code json_schema} format
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ResponseFormat(String type, JsonSchema jsonSchema) {

    public static ResponseFormat jsonObject() {
        return new ResponseFormat("json_object", null);
    }

    public static ResponseFormat jsonSchema(String name, JsonNode schema) {
        return new ResponseFormat("json_schema", new JsonSchema(Objects.requireNonNull(name, "name"),
                Objects.requireNonNull(schema, "schema"), null));
    }

    /**
     * @param name   a name for the schema
     * @param schema the JSON Schema
     * @param strict OpenAI's strict flag, or {@code null} to leave it to the model
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record JsonSchema(String name, JsonNode schema, Boolean strict) {
    }
}
