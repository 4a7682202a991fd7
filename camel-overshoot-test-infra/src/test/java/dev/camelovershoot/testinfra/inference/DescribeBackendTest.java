package dev.camelovershoot.testinfra.inference;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DescribeBackendTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"black", "white", "gray", "red", "green", "blue", "yellow", "cyan", "magenta", "orange"})
    void namesTheColourOfTheFrames(String colour) throws Exception {
        JsonNode facts = describe(Frames.request("what colour?", colour, colour, colour));

        assertThat(facts.get("color").asText()).isEqualTo(colour);
        assertThat(facts.get("motion").asDouble()).isZero();
        assertThat(facts.get("frames").asInt()).isEqualTo(3);
        assertThat(facts.get("frame_index").asLong()).isEqualTo(2);
    }

    @Test
    void reportsSizeBrightnessAndMotion() throws Exception {
        JsonNode facts = describe(Frames.request("p", "black", "white"));

        assertThat(facts.get("width").asInt()).isEqualTo(640);
        assertThat(facts.get("height").asInt()).isEqualTo(480);
        assertThat(facts.get("motion").asDouble()).isEqualTo(1.0);
        assertThat(facts.get("brightness").asDouble()).isBetween(0.49, 0.51);
        assertThat(facts.get("rgb")).hasSize(3);
        assertThat(facts.get("color").asText()).isEqualTo("gray");
    }

    private static JsonNode describe(InferenceRequest request) throws Exception {
        InferenceOutput output = new DescribeBackend().infer(request);
        assertThat(output.ok()).isTrue();
        assertThat(output.finishReason()).isEqualTo("stop");
        return JSON.readTree(output.text());
    }
}
