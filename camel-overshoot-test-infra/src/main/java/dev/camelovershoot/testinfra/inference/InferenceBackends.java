package dev.camelovershoot.testinfra.inference;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** Creates a backend by name, with the options of the emulator's command line. */
public final class InferenceBackends {

    public static final String NAMES = "describe, rules, scripted, openai";

    private InferenceBackends() {
    }

    /**
     * @param name    {@code describe}, {@code rules} (option {@code rules}: file path), {@code scripted} or
     *                {@code openai} (options {@code openai-url}, optional {@code openai-model}, {@code openai-key},
     *                {@code openai-timeout} in seconds)
     * @throws IllegalArgumentException for an unknown name or a missing option, saying what is expected
     */
    public static InferenceBackend create(String name, Map<String, String> options) {
        return switch (name) {
            case "describe" -> new DescribeBackend();
            case "rules" -> RulesBackend.fromFile(Path.of(required(options, "rules", name)));
            case "scripted" -> new ScriptedBackend();
            case "openai" -> new OpenAiBackend(URI.create(required(options, "openai-url", name)),
                    options.get("openai-model"), options.get("openai-key"),
                    Duration.ofSeconds(Long.parseLong(options.getOrDefault("openai-timeout", "60"))));
            default -> throw new IllegalArgumentException("Unknown backend '" + name + "'; use one of: " + NAMES);
        };
    }

    private static String required(Map<String, String> options, String key, String backend) {
        String value = options.get(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("The " + backend + " backend needs --" + key);
        }
        return value;
    }
}
