package dev.camelovershoot.actions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON side of actions: the export format and the metadata normal form. */
final class ActionJson {

    static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };
    private static final TypeReference<List<DetectedAction>> LIST = new TypeReference<>() {
    };

    private ActionJson() {
    }

    /** The metadata as a JSON export reads it back, unmodifiable and in its original key order. */
    static Map<String, Object> normalize(Map<String, ?> metadata) {
        if (metadata == null || metadata.isEmpty()) {
            return Map.of();
        }
        try {
            return Collections.unmodifiableMap(MAPPER.readValue(MAPPER.writeValueAsBytes(metadata), MAP));
        } catch (IOException e) {
            throw new IllegalArgumentException("metadata cannot be written as JSON: " + e.getMessage(), e);
        }
    }

    static String metadataText(Map<String, Object> metadata) {
        try {
            return MAPPER.writeValueAsString(metadata);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("normalized metadata is always JSON", e);
        }
    }

    static Map<String, Object> parseMetadata(String text) throws IOException {
        return text.isEmpty() ? Map.of() : MAPPER.readValue(text, MAP);
    }

    static void write(Path file, List<DetectedAction> actions) throws IOException {
        MAPPER.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), actions);
    }

    static List<DetectedAction> read(Path file) throws IOException {
        return MAPPER.readValue(file.toFile(), LIST);
    }
}
