package dev.camelovershoot.actions;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;

/** The output schema and prompt that make a model answer in the shape {@link ResultParser} reads. */
final class ActionSchema {

    static final String DETECTED_ACTIONS = "detected_actions";
    static final String ACTION = "action";
    static final String CONFIDENCE = "confidence";
    static final String DETECTED = "detected";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ActionSchema() {
    }

    /**
     * {@code {detected_actions: [{action: enum, confidence: number, detected: boolean}]}}, with every property
     * required and no others allowed, as strict structured-output modes demand.
     */
    static ObjectNode schema(List<String> actions) {
        ObjectNode item = object();
        ObjectNode itemProperties = item.putObject("properties");
        ArrayNode names = itemProperties.putObject(ACTION).put("type", "string").putArray("enum");
        actions.forEach(names::add);
        itemProperties.putObject(CONFIDENCE).put("type", "number");
        itemProperties.putObject(DETECTED).put("type", "boolean");
        item.putArray("required").add(ACTION).add(CONFIDENCE).add(DETECTED);
        item.put("additionalProperties", false);

        ObjectNode root = object();
        root.putObject("properties").putObject(DETECTED_ACTIONS).put("type", "array").set("items", item);
        root.putArray("required").add(DETECTED_ACTIONS);
        root.put("additionalProperties", false);
        return root;
    }

    /**
     * Compact JSON with a blank before each closing brace: a {@code }}} in an endpoint URI would read as the end of a
     * Camel property placeholder, which breaks {@code {{bean:detector.endpointQuery}}} in YAML routes.
     */
    static String text(ObjectNode schema) {
        try {
            return ActionJson.MAPPER.writer(new SpacedClosingBraces()).writeValueAsString(schema);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a schema tree is always JSON", e);
        }
    }

    static String prompt(List<String> actions) {
        String list = actions.stream().map(a -> "\"" + a + "\"").collect(Collectors.joining(", "));
        return "Watch the video for these actions: " + list + ". For each of them, report whether it is happening"
                + " now (detected: true or false) and how confident you are, from 0 to 1 (confidence). Answer only"
                + " with JSON of the form {\"detected_actions\": [{\"action\": <one of the names above>,"
                + " \"confidence\": <number>, \"detected\": <boolean>}]}, one entry per action.";
    }

    private static ObjectNode object() {
        return NODES.objectNode().put("type", "object");
    }

    private static final class SpacedClosingBraces extends MinimalPrettyPrinter {
        @Override
        public void writeEndObject(JsonGenerator g, int entries) throws IOException {
            g.writeRaw(" }");
        }
    }
}
