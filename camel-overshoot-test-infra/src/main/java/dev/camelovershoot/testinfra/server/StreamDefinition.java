package dev.camelovershoot.testinfra.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelovershoot.testinfra.inference.ProcessingSpec;

/**
 * A validated {@code POST /streams} request.
 *
 * @param source          where the video comes from
 * @param backend         the echoed {@code inference.backend}: {@code overshoot} or {@code gemini}
 * @param outputSchema    {@code inference.output_schema_json}, or {@code null}
 * @param maxOutputTokens given, or {@code floor(128 × period)}
 */
record StreamDefinition(StreamSource source, ProcessingSpec processing, String prompt, String model, String backend,
                        JsonNode outputSchema, int maxOutputTokens) {

    String sourceType() {
        return source.type();
    }

    boolean isNative() {
        return "native".equals(sourceType());
    }
}
