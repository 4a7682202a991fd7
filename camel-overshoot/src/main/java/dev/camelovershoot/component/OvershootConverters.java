package dev.camelovershoot.component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.apache.camel.Converter;
import org.apache.camel.Exchange;

/**
 * Structured output: a result whose text is JSON (a stream with an outputSchema) converts to a Jackson
 * {@link JsonNode} or a {@link Map}, e.g. {@code convertBodyTo(JsonNode.class)}. Only Overshoot results convert
 * (messages carrying {@link OvershootConstants#RESULT_ID}): for any other String these converters decline, so the
 * other routes of the CamelContext convert as they would without this component (e.g. through camel-jackson).
 */
@Converter(generateLoader = true)
public final class OvershootConverters {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };

    private OvershootConverters() {
    }

    /** The result's JSON, or null (not converted) when the message is no Overshoot result. */
    @Converter
    public static JsonNode toJsonNode(String text, Exchange exchange) throws JsonProcessingException {
        return isResult(exchange) ? JSON.readTree(text) : null;
    }

    /** Only a JSON object becomes a map; null (not converted) when the message is no Overshoot result. */
    @Converter
    public static Map<String, Object> toMap(String text, Exchange exchange) throws JsonProcessingException {
        return isResult(exchange) ? JSON.readValue(text, MAP) : null;
    }

    private static boolean isResult(Exchange exchange) {
        return exchange != null && exchange.getMessage().getHeader(OvershootConstants.RESULT_ID) != null;
    }
}
