package dev.camelovershoot.testinfra.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesBackendTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String RULES = """
            {"rules": [
              {"when": {"color": "red"},
               "output": {"detected_actions": [{"action": "waving", "confidence": 0.9, "detected": true}]}},
              {"when": {"color": ["green", "cyan"], "brightness": {"min": 0.5}}, "output": "bright {{color}} scene"},
              {"when": {"motion": {"min": 0.5}}, "output": "something moved"}
            ],
            "default": {"detected_actions": []}}
            """;

    @Test
    void firstMatchingRuleGivesTheOutput(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("rules.json"), RULES);
        RulesBackend rules = RulesBackend.fromFile(file);

        assertThat(rules.infer(Frames.request("p", "red")).text())
                .isEqualTo("{\"detected_actions\":[{\"action\":\"waving\",\"confidence\":0.9,\"detected\":true}]}");
        assertThat(rules.infer(Frames.request("p", "cyan")).text()).isEqualTo("bright cyan scene");
        assertThat(rules.infer(Frames.request("p", "black", "white")).text()).isEqualTo("something moved");
        assertThat(rules.infer(Frames.request("p", "blue")).text()).isEqualTo("{\"detected_actions\":[]}");
    }

    @Test
    void withoutADefaultUnmatchedFramesAreDescribed() throws Exception {
        RulesBackend rules = RulesBackend.fromJson(JSON.readTree("{\"rules\": [{\"when\": {\"width\": 1}, \"output\": \"x\"}]}"));

        assertThat(JSON.readTree(rules.infer(Frames.request("p", "blue")).text()).get("color").asText()).isEqualTo("blue");
    }

    @Test
    void badRulesFailWithAMessageNamingTheRule() {
        assertThatThrownBy(() -> RulesBackend.fromJson(JSON.readTree("{}")))
                .hasMessageContaining("\"rules\" array");
        assertThatThrownBy(() -> RulesBackend.fromJson(JSON.readTree("{\"rules\": [{\"output\": 1}]}")))
                .hasMessageContaining("rules[0]");
        assertThatThrownBy(() -> RulesBackend.fromJson(JSON.readTree("{\"rules\": [{\"when\": {\"colour\": \"red\"}, \"output\": 1}]}")))
                .hasMessageContaining("unknown fact 'colour'").hasMessageContaining("color");
    }
}
