package dev.camelovershoot.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ActionDetectorTest {

    private final TestClock clock = new TestClock();
    private final ActionDetector detector = ActionDetector.builder()
            .actions(List.of("waving", "thumbs up"))
            .minConfidence(0.6)
            .build();

    private List<DetectedAction> receive(String text) {
        return detector.accept(ResultMessage.of(text, clock.instant()));
    }

    @Test
    void schemaListsTheActionsAndRequiresEveryField() throws Exception {
        ObjectNode schema = detector.outputSchema();

        JsonNode item = schema.at("/properties/detected_actions/items");
        assertThat(schema.at("/properties/detected_actions/type").asText()).isEqualTo("array");
        assertThat(item.at("/properties/action/enum")).extracting(JsonNode::asText)
                .containsExactly("waving", "thumbs up");
        assertThat(item.at("/properties/confidence/type").asText()).isEqualTo("number");
        assertThat(item.at("/properties/detected/type").asText()).isEqualTo("boolean");
        assertThat(item.get("required")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("action", "confidence", "detected");
        assertThat(schema.get("required")).extracting(JsonNode::asText).containsExactly("detected_actions");
        assertThat(ActionJson.MAPPER.readTree(detector.outputSchemaJson())).isEqualTo(schema);
        assertThat(detector.outputSchemaJson()).doesNotContain("}}");
    }

    @Test
    void outputSchemaIsACopy() {
        detector.outputSchema().removeAll();

        assertThat(detector.outputSchema().has("properties")).isTrue();
    }

    @Test
    void promptNamesTheActionsAndTheAnswerShape() {
        assertThat(detector.prompt()).contains("\"waving\"", "\"thumbs up\"", "detected_actions", "confidence",
                "detected");
    }

    @Test
    void endpointQueryPassesOptionsRawAndRefusesWhatRawCannotHold() {
        assertThat(ActionDetector.of("50%").endpointQuery()).startsWith("prompt=RAW(Watch the video")
                .contains("&outputSchema=RAW({\"type\":\"object\"");
        assertThatThrownBy(() -> ActionDetector.of("(a)&b").endpointQuery()).hasMessageContaining(")&");
    }

    @Test
    void keepsDetectedActionsAtOrAboveTheMinimumConfidence() {
        List<DetectedAction> kept = receive(Results.of(
                Results.entry("waving", 0.6, true),
                Results.entry("thumbs up", 0.95, false),
                Results.entry("pointing", 0.99, true)));
        clock.advance(0.5);
        List<DetectedAction> low = receive(Results.of(Results.entry("waving", 0.59, true)));

        assertThat(kept).containsExactly(DetectedAction.of("waving", 0, 0, 0.6));
        assertThat(low).isEmpty();
        assertThat(detector.store().getActions()).containsExactly(DetectedAction.of("waving", 0, 0, 0.6));
    }

    @Test
    void timestampsCountFromTheFirstResultAndFramesFromItsIndex() {
        receive(Results.of());
        clock.advance(0.5);
        receive(Results.detecting("waving"));
        clock.advance(0.75);
        List<DetectedAction> third = receive(Results.detecting("thumbs up", "waving"));

        assertThat(third).containsExactly(DetectedAction.of("thumbs up", 1.25, 2, 0.9),
                DetectedAction.of("waving", 1.25, 2, 0.9));
        assertThat(detector.store().summary()).containsExactly(Map.entry("waving", 2), Map.entry("thumbs up", 1));
    }

    @Test
    void takesTheFrameIndexFromTheResultWhenItHasOne() {
        List<DetectedAction> kept = receive("{\"frame_index\":41," + Results.detecting("waving").substring(1));

        assertThat(kept).extracting(DetectedAction::frameNumber).containsExactly(41L);
    }

    @Test
    void matchesNamesIgnoringCaseAndKeepsTheHighestOfRepeatedEntries() {
        List<DetectedAction> kept = receive(Results.of(
                Results.entry(" Waving ", 0.7, true),
                Results.entry("WAVING", 0.8, true),
                Results.entry("waving", 0.65, true)));

        assertThat(kept).containsExactly(DetectedAction.of("waving", 0, 0, 0.8));
    }

    @Test
    void skipsWhatIsNotAnAnswerButCountsItAsAResult() {
        assertThat(receive("I see a person waving")).isEmpty();
        assertThat(receive("{\"objects\":[]}")).isEmpty();
        assertThat(receive(Results.of("{\"action\":\"waving\",\"confidence\":\"high\",\"detected\":true}",
                Results.entry("waving", 1.5, true), "7"))).isEmpty();
        assertThat(detector.accept(new ResultMessage(Results.detecting("waving"), clock.instant(), false, Map.of())))
                .isEmpty();
        assertThat(detector.accept(ResultMessage.of(null, clock.instant()))).isEmpty();

        assertThat(receive(Results.detecting("waving"))).extracting(DetectedAction::frameNumber).containsExactly(5L);
    }

    @Test
    void copiesTheResultMetadataIntoEachAction() {
        Map<String, Object> metadata = Map.of("stream_id", "s-1", "inference_latency_ms", 120.5);

        List<DetectedAction> kept = detector.accept(new ResultMessage(Results.detecting("waving", "thumbs up"),
                clock.instant(), true, metadata));

        assertThat(kept).extracting(DetectedAction::metadata).containsOnly(metadata);
    }

    @Test
    void resetStartsTimeAndIndexAgain() {
        receive(Results.of());
        clock.advance(3);
        detector.reset();

        assertThat(receive(Results.detecting("waving"))).containsExactly(DetectedAction.of("waving", 0, 0, 0.9));
    }

    @Test
    void refusesInvalidSettings() {
        assertThatThrownBy(() -> ActionDetector.builder().build()).hasMessageContaining("action names");
        assertThatThrownBy(() -> ActionDetector.of("waving", " ")).hasMessageContaining("action names");
        assertThatThrownBy(() -> ActionDetector.builder().actions(List.of("a")).minConfidence(2).build())
                .hasMessageContaining("minConfidence");
        assertThatThrownBy(() -> ActionDetector.builder().actions(List.of("a")).mergeGapSeconds(-1).build())
                .hasMessageContaining("mergeGapSeconds");
    }
}
