package dev.camelovershoot.actions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Merging detections less than 1.2 s apart into events, on a stream sampled every half second. */
class EventAggregationTest {

    private static final double INTERVAL = 0.5;

    private final TestClock clock = new TestClock();
    private final ActionDetector detector = ActionDetector.builder()
            .actions(List.of("waving", "thumbs up"))
            .mergeGapSeconds(1.2)
            .build();
    private final List<DetectedAction> emitted = new ArrayList<>();
    private boolean started;

    /** One result per interval: each argument is the text of the next result. */
    private void results(String... texts) {
        for (String text : texts) {
            if (started) {
                clock.advance(INTERVAL);
            }
            started = true;
            emitted.addAll(detector.accept(ResultMessage.of(text, clock.instant())));
        }
    }

    private static DetectedAction event(String action, double start, long frame, double confidence, double duration,
                                        int detections) {
        return new DetectedAction(action, start, frame, confidence, duration, Map.of("detections", detections));
    }

    @Test
    void aWaveOfSixDetectionsIsOneEventLastingSixIntervals() {
        String wave = Results.detecting("waving");
        results(Results.of(), wave, wave, wave, wave, wave, wave);
        assertThat(emitted).as("open while it lasts").isEmpty();

        results(Results.of(), Results.of());
        assertThat(emitted).as("open until silent for the gap").isEmpty();
        results(Results.of());

        assertThat(emitted).containsExactly(event("waving", 0.5, 1, 0.9, 3.0, 6));
        assertThat(detector.store().getActions()).containsExactly(event("waving", 0.5, 1, 0.9, 3.0, 6));
    }

    @Test
    void detectionsMissingForLessThanTheGapStayInTheEvent() {
        String wave = Results.detecting("waving");
        results(wave, Results.of(), wave, Results.of(), Results.of(), Results.of());

        assertThat(emitted).containsExactly(event("waving", 0, 0, 0.9, 1.5, 2));
    }

    @Test
    void aGapOfAtLeastTheMergeGapSplitsEvents() {
        String wave = Results.detecting("waving");
        results(wave, Results.of(), Results.of(), wave);

        assertThat(emitted).containsExactly(event("waving", 0, 0, 0.9, 0.5, 1));

        detector.flush();
        assertThat(detector.store().getActions()).containsExactly(event("waving", 0, 0, 0.9, 0.5, 1),
                event("waving", 1.5, 3, 0.9, 0.0, 1));
    }

    @Test
    void aDetectionReturningAfterASilentStallOpensANewEvent() {
        results(Results.detecting("waving"));
        clock.advance(2);
        results(Results.detecting("waving"));

        assertThat(emitted).containsExactly(event("waving", 0, 0, 0.9, 0.0, 1));
    }

    @Test
    void anEventTakesTheHighestConfidenceAndTheFirstDetectionsFrameAndMetadata() {
        detector.accept(new ResultMessage(Results.of(Results.entry("waving", 0.7, true)), clock.instant(), true,
                Map.of("result_id", "r1")));
        clock.advance(INTERVAL);
        detector.accept(new ResultMessage(Results.of(Results.entry("waving", 0.95, true)), clock.instant(), true,
                Map.of("result_id", "r2")));

        List<DetectedAction> ended = detector.flush();

        assertThat(ended).containsExactly(new DetectedAction("waving", 0, 0, 0.95, 0.5,
                Map.of("result_id", "r1", "detections", 2)));
    }

    @Test
    void actionsAggregateIndependentlyAndEndInStartOrder() {
        String both = Results.detecting("waving", "thumbs up");
        String thumbs = Results.detecting("thumbs up");
        results(Results.detecting("waving"), both, both, thumbs, thumbs, thumbs, Results.of(), Results.of(),
                Results.of());

        assertThat(emitted).containsExactly(
                event("waving", 0, 0, 0.9, 1.5, 3),
                event("thumbs up", 0.5, 1, 0.9, 2.5, 5));
    }

    @Test
    void eventsEndedTogetherComeOutOldestFirst() {
        results(Results.detecting("thumbs up"), Results.detecting("waving", "thumbs up"), Results.of(),
                Results.of(), Results.of());

        assertThat(emitted).extracting(DetectedAction::action).containsExactly("thumbs up", "waving");
    }

    @Test
    void flushEndsOpenEventsAtTheirLastDetection() {
        String wave = Results.detecting("waving");
        results(wave, wave, wave);

        assertThat(detector.flush()).containsExactly(event("waving", 0, 0, 0.9, 1.0, 3));
        assertThat(detector.flush()).isEmpty();
    }

    @Test
    void aFailedResultStillEndsEvents() {
        results(Results.detecting("waving"));
        clock.advance(1.5);
        emitted.addAll(detector.accept(new ResultMessage("", clock.instant(), false, Map.of())));

        assertThat(emitted).containsExactly(event("waving", 0, 0, 0.9, 1.5, 1));
    }

    @Test
    void withoutAGapEveryDetectionIsAnActionWithoutDuration() {
        ActionDetector raw = ActionDetector.of("waving");
        String wave = Results.detecting("waving");

        List<DetectedAction> first = raw.accept(ResultMessage.of(wave, clock.instant()));
        List<DetectedAction> second = raw.accept(ResultMessage.of(wave, clock.advance(INTERVAL).instant()));

        assertThat(first).containsExactly(DetectedAction.of("waving", 0, 0, 0.9));
        assertThat(second).containsExactly(DetectedAction.of("waving", 0.5, 1, 0.9));
        assertThat(raw.flush()).isEmpty();
        assertThat(raw.store().size()).isEqualTo(2);
    }
}
