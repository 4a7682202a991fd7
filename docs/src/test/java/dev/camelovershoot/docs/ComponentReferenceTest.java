package dev.camelovershoot.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docs/component.md has a table row for every option and header of the component's generated metadata (the JSON the
 * build writes from the annotations) and names every option value, so the reference cannot fall behind the code.
 */
class ComponentReferenceTest {

    private static final String METADATA = "META-INF/dev/camelovershoot/component/overshoot.json";
    private static JsonNode metadata;
    private static String reference;

    @BeforeAll
    static void read() throws IOException {
        try (InputStream in = ComponentReferenceTest.class.getClassLoader().getResourceAsStream(METADATA)) {
            assertThat(in).as(METADATA + " on the test classpath (from the camel-overshoot jar)").isNotNull();
            metadata = new ObjectMapper().readTree(in);
        }
        reference = Files.readString(LinkCheckTest.repositoryRoot().resolve("docs/component.md"));
    }

    @Test
    void everyOptionIsDocumented() {
        assertThat(undocumented("componentProperties")).as("component options missing from docs/component.md").isEmpty();
        assertThat(undocumented("properties")).as("endpoint options missing from docs/component.md").isEmpty();
    }

    @Test
    void everyHeaderIsDocumented() {
        assertThat(metadata.path("headers").size()).isPositive();
        assertThat(undocumented("headers")).as("headers missing from docs/component.md").isEmpty();
    }

    @Test
    void everyOptionValueIsDocumented() {
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, JsonNode> option : metadata.path("properties").properties()) {
            for (JsonNode value : option.getValue().path("enum")) {
                if (!reference.contains("`" + value.asText() + "`")) {
                    missing.add(option.getKey() + "=" + value.asText());
                }
            }
        }
        assertThat(missing).as("option values (operations, policies, ...) missing from docs/component.md").isEmpty();
    }

    /** The names in a section of the metadata that have no table row of their own ({@code | `name` |}). */
    private static List<String> undocumented(String section) {
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : metadata.path(section).properties()) {
            String name = entry.getValue().path("name").asText(entry.getKey());
            if (!reference.contains("\n| `" + name + "` |")) {
                missing.add(name);
            }
        }
        return missing;
    }
}
