package dev.camelovershoot.testinfra.inference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Deterministic answers from a rules file: the first rule whose conditions all hold for the sampled frames'
 * {@link FrameFacts} gives the output; with no match, the file's {@code default}, else the facts themselves.
 * The format is described in {@code docs/emulator.md}.
 */
public final class RulesBackend implements InferenceBackend {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\w+)}}");
    /** A facts object whose keys are the names a condition may test. */
    private static final ObjectNode FACT_NAMES = new FrameFacts(0, 0, "", List.of(0, 0, 0), 0, 0, 0, 0, List.of()).toJson();

    private final List<Rule> rules;
    private final JsonNode fallback;

    private record Rule(JsonNode when, JsonNode output) {
    }

    private RulesBackend(List<Rule> rules, JsonNode fallback) {
        this.rules = rules;
        this.fallback = fallback;
    }

    public static RulesBackend fromFile(Path file) {
        try {
            return fromJson(JSON.readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read rules file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Builds the backend from a parsed rules document; fails with a message naming the bad rule. */
    public static RulesBackend fromJson(JsonNode doc) {
        JsonNode list = doc.path("rules");
        if (!list.isArray()) {
            throw new IllegalArgumentException("A rules file needs a \"rules\" array");
        }
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode rule = list.get(i);
            if (!rule.path("when").isObject() || !rule.has("output")) {
                throw new IllegalArgumentException("rules[" + i + "] needs a \"when\" object and an \"output\"");
            }
            for (Map.Entry<String, JsonNode> condition : rule.get("when").properties()) {
                requireFact(condition.getKey(), i);
            }
            rules.add(new Rule(rule.get("when"), rule.get("output")));
        }
        return new RulesBackend(List.copyOf(rules), doc.get("default"));
    }

    @Override
    public InferenceOutput infer(InferenceRequest request) {
        FrameFacts facts = FrameFacts.of(request.frames());
        ObjectNode values = facts.toJson();
        for (Rule rule : rules) {
            if (matches(rule.when(), values)) {
                return InferenceOutput.success(render(rule.output(), values));
            }
        }
        return InferenceOutput.success(fallback == null ? values.toString() : render(fallback, values));
    }

    private static boolean matches(JsonNode when, ObjectNode facts) {
        for (Map.Entry<String, JsonNode> condition : when.properties()) {
            if (!holds(condition.getValue(), facts.get(condition.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** A string or number must be equal, an array lists accepted values, an object gives an inclusive range. */
    private static boolean holds(JsonNode expected, JsonNode actual) {
        if (expected.isArray()) {
            for (JsonNode option : expected) {
                if (holds(option, actual)) {
                    return true;
                }
            }
            return false;
        }
        if (expected.isObject()) {
            double v = actual.asDouble();
            return (!expected.has("min") || v >= expected.get("min").asDouble())
                    && (!expected.has("max") || v <= expected.get("max").asDouble());
        }
        if (expected.isNumber()) {
            return actual.isNumber() && expected.asDouble() == actual.asDouble();
        }
        return expected.asText().toLowerCase(Locale.ROOT).equals(actual.asText().toLowerCase(Locale.ROOT));
    }

    /** Object and array outputs become compact JSON text; {@code {{fact}}} placeholders in strings are filled. */
    private static String render(JsonNode output, ObjectNode facts) {
        if (!output.isTextual()) {
            return output.toString();
        }
        Matcher m = PLACEHOLDER.matcher(output.asText());
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            JsonNode value = facts.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value.isTextual()
                    ? value.asText() : value.toString()));
        }
        return m.appendTail(out).toString();
    }

    private static void requireFact(String name, int rule) {
        if (!FACT_NAMES.has(name)) {
            List<String> known = FACT_NAMES.properties().stream().map(Map.Entry::getKey).toList();
            throw new IllegalArgumentException("rules[" + rule + "] tests unknown fact '" + name + "'; known: " + known);
        }
    }
}
