package dev.camelovershoot.component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.apache.camel.Converter;

/**
 * Structured output: a result whose text is JSON (a stream with an outputSchema) converts to a Jackson
 * {@link JsonNode} or a {@link Map}, e.g. {@code convertBodyTo(JsonNode.class)}.
 */
@Converter(generateLoader = true)
public final class OvershootConverters {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };

    private OvershootConverters() {
    }

    @Converter
    public static JsonNode toJsonNode(String text) throws JsonProcessingException {
        return JSON.readTree(text);
    }

    /** Only a JSON object becomes a map. */
    @Converter
    public static Map<String, Object> toMap(String text) throws JsonProcessingException {
        return JSON.readValue(text, MAP);
    }
}
