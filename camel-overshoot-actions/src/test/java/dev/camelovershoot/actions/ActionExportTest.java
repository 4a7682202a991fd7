package dev.camelovershoot.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ActionExportTest {

    private static final String HEADER = "action,timestamp,frame_number,confidence,duration,metadata\r\n";

    @TempDir
    Path dir;

    private final ActionStore store = new ActionStore();

    private static Map<String, Object> latencies() {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("stream_id", "3f1c");
        metadata.put("inference_latency_ms", 182.5);
        metadata.put("total_latency_ms", 240L);
        metadata.put("tags", List.of("a", "b,c"));
        metadata.put("nested", Map.of("ok", true));
        metadata.put("missing", null);
        return metadata;
    }

    private List<DetectedAction> sample() {
        return List.of(
                new DetectedAction("waving", 1.5, 45, 0.92, 2.25, latencies()),
                DetectedAction.of("thumbs up", 3.2, 96, 0.85),
                new DetectedAction("say \"hi\", then\r\nwave\nagain", 4.0, 120, 1.0, 0.0, Map.of("note", "x\"y")),
                new DetectedAction("tiny", 1e-7, Long.MAX_VALUE, 0.1, 1234567.125, Map.of()));
    }

    @Test
    void jsonRoundTripGivesEqualActions() throws IOException {
        store.addAll(sample());
        Path file = dir.resolve("nested/folder/actions.json");

        store.exportJson(file);

        assertThat(ActionStore.readJson(file)).isEqualTo(store.getActions());
    }

    @Test
    void jsonIsAnArrayOfObjectsWithTheDocumentedKeys() throws IOException {
        store.add(new DetectedAction("waving", 1.5, 45, 0.92, null, Map.of("stream_id", "s")));
        Path file = dir.resolve("actions.json");

        store.exportJson(file);

        JsonNode json = ActionJson.MAPPER.readTree(file.toFile());
        assertThat(json.isArray()).isTrue();
        JsonNode first = json.get(0);
        assertThat(first.fieldNames()).toIterable()
                .containsExactly("action", "timestamp", "frame_number", "confidence", "duration", "metadata");
        assertThat(first.get("action").asText()).isEqualTo("waving");
        assertThat(first.get("timestamp").asDouble()).isEqualTo(1.5);
        assertThat(first.get("frame_number").asLong()).isEqualTo(45);
        assertThat(first.get("confidence").asDouble()).isEqualTo(0.92);
        assertThat(first.get("duration").isNull()).isTrue();
        assertThat(first.get("metadata").get("stream_id").asText()).isEqualTo("s");
    }

    @Test
    void csvRoundTripGivesEqualActions() throws IOException {
        store.addAll(sample());
        Path file = dir.resolve("actions.csv");

        store.exportCsv(file);

        assertThat(ActionStore.readCsv(file)).isEqualTo(store.getActions());
    }

    @Test
    void csvQuotesFieldsWithCommasQuotesAndLineBreaks() throws IOException {
        store.add(new DetectedAction("wave, then \"clap\"", 1.5, 45, 0.9, null, Map.of()));
        store.add(new DetectedAction("line\nbreak", 2.0, 60, 0.8, 1.5, Map.of("k", "v")));
        store.add(new DetectedAction("carriage\rreturn", 3.0, 90, 0.7, null, Map.of()));
        Path file = dir.resolve("actions.csv");

        store.exportCsv(file);

        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(HEADER
                + "\"wave, then \"\"clap\"\"\",1.5,45,0.9,,{}\r\n"
                + "\"line\nbreak\",2.0,60,0.8,1.5,\"{\"\"k\"\":\"\"v\"\"}\"\r\n"
                + "\"carriage\rreturn\",3.0,90,0.7,,{}\r\n");
        assertThat(ActionStore.readCsv(file)).isEqualTo(store.getActions());
    }

    @Test
    void emptyStoreExportsAnEmptyArrayAndAHeader() throws IOException {
        store.exportJson(dir.resolve("empty.json"));
        store.exportCsv(dir.resolve("empty.csv"));

        assertThat(ActionStore.readJson(dir.resolve("empty.json"))).isEmpty();
        assertThat(Files.readString(dir.resolve("empty.csv"))).isEqualTo(HEADER);
        assertThat(ActionStore.readCsv(dir.resolve("empty.csv"))).isEmpty();
    }

    @Test
    void readsCsvWithBareLineFeedsAndNoFinalLineBreak() throws IOException {
        Path file = Files.writeString(dir.resolve("lf.csv"),
                "action,timestamp,frame_number,confidence,duration,metadata\n"
                        + "waving,1.5,45,0.92,,{}\n"
                        + "\"thumbs\nup\",3.0,90,0.8,2.0,\"{\"\"n\"\":1}\"");

        assertThat(ActionStore.readCsv(file)).containsExactly(
                DetectedAction.of("waving", 1.5, 45, 0.92),
                new DetectedAction("thumbs\nup", 3.0, 90, 0.8, 2.0, Map.of("n", 1)));
    }

    @Test
    void csvReadingNamesTheProblem() throws IOException {
        Path noHeader = Files.writeString(dir.resolve("a.csv"), "waving,1.5,45,0.92,,{}\r\n");
        Path unclosed = Files.writeString(dir.resolve("b.csv"), HEADER + "\"waving,1.5,45,0.92,,{}\r\n");
        Path shortRow = Files.writeString(dir.resolve("c.csv"), HEADER + "waving,1.5,45\r\n");
        Path badNumber = Files.writeString(dir.resolve("d.csv"), HEADER + "waving,soon,45,0.92,,{}\r\n");
        Path strayQuote = Files.writeString(dir.resolve("e.csv"), HEADER + "wa\"ving,1.5,45,0.92,,{}\r\n");

        assertThatThrownBy(() -> ActionStore.readCsv(noHeader)).hasMessageContaining("header");
        assertThatThrownBy(() -> ActionStore.readCsv(unclosed)).hasMessageContaining("closing quote");
        assertThatThrownBy(() -> ActionStore.readCsv(shortRow)).hasMessageContaining("row 2 has 3 fields");
        assertThatThrownBy(() -> ActionStore.readCsv(badNumber)).hasMessageContaining("row 2");
        assertThatThrownBy(() -> ActionStore.readCsv(strayQuote)).hasMessageContaining("line 2: a quote");
    }
}
