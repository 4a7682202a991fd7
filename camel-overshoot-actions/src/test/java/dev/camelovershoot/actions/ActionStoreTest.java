package dev.camelovershoot.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ActionStoreTest {

    private static final DetectedAction WAVE_1 = DetectedAction.of("waving", 1.5, 45, 0.92);
    private static final DetectedAction THUMBS_3 = DetectedAction.of("thumbs up", 3.2, 96, 0.85);
    private static final DetectedAction WAVE_5 = DetectedAction.of("waving", 5.0, 150, 0.70);
    private static final DetectedAction POINT_8 = DetectedAction.of("pointing", 8.0, 240, 0.95);
    private static final DetectedAction WAVE_10 = DetectedAction.of("waving", 10.0, 300, 0.80);

    private final ActionStore store = new ActionStore();

    private ActionStore filled() {
        store.addAll(List.of(WAVE_1, THUMBS_3, WAVE_5, POINT_8, WAVE_10));
        return store;
    }

    @Test
    void keepsActionsInTimestampOrderAndTiesInArrivalOrder() {
        DetectedAction first = DetectedAction.of("a", 2.0, 1, 0.5);
        DetectedAction second = DetectedAction.of("b", 2.0, 2, 0.5);
        store.add(WAVE_5);
        store.add(first);
        store.add(second);
        store.add(WAVE_1);

        assertThat(store.getActions()).containsExactly(WAVE_1, first, second, WAVE_5);
        assertThat(store.size()).isEqualTo(4);
        assertThat(store.newestTimestamp()).hasValue(5.0);
    }

    @Test
    void summaryCountsByActionInFirstSeenOrder() {
        store.add(WAVE_5);
        store.add(POINT_8);
        store.add(WAVE_1);
        store.add(THUMBS_3);

        assertThat(store.summary()).containsExactly(Map.entry("waving", 2), Map.entry("pointing", 1),
                Map.entry("thumbs up", 1));
    }

    @Test
    void clearEmptiesStoreAndSummary() {
        filled().clear();

        assertThat(store.size()).isZero();
        assertThat(store.getActions()).isEmpty();
        assertThat(store.summary()).isEmpty();
        assertThat(store.newestTimestamp()).isEmpty();
    }

    @Nested
    class Filters {

        @Test
        void byAction() {
            assertThat(filled().getActions(ActionFilter.all().action("waving"))).containsExactly(WAVE_1, WAVE_5, WAVE_10);
            assertThat(store.getActions(ActionFilter.all().action("clapping"))).isEmpty();
        }

        @Test
        void byMinimumConfidenceInclusive() {
            assertThat(filled().getActions(ActionFilter.all().minConfidence(0.85)))
                    .containsExactly(WAVE_1, THUMBS_3, POINT_8);
        }

        @Test
        void byTimeRangeInclusiveAtBothEnds() {
            assertThat(filled().getActions(ActionFilter.all().between(3.2, 8.0)))
                    .containsExactly(THUMBS_3, WAVE_5, POINT_8);
            assertThat(store.getActions(ActionFilter.all().between(5.0, 5.0))).containsExactly(WAVE_5);
        }

        @Test
        void byLastSecondsBeforeTheNewestAction() {
            assertThat(filled().getActions(ActionFilter.all().lastSeconds(5))).containsExactly(WAVE_5, POINT_8, WAVE_10);
            assertThat(store.getActions(ActionFilter.all().lastSeconds(0))).containsExactly(WAVE_10);
        }

        @Test
        void combined() {
            filled();
            assertThat(store.getActions(ActionFilter.all().action("waving").minConfidence(0.75)))
                    .containsExactly(WAVE_1, WAVE_10);
            assertThat(store.getActions(ActionFilter.all().between(1, 9).lastSeconds(7)))
                    .containsExactly(THUMBS_3, WAVE_5, POINT_8);
            assertThat(store.getActions(ActionFilter.all().action("waving").minConfidence(0.75).between(0, 9)
                    .lastSeconds(9))).containsExactly(WAVE_1);
        }

        @Test
        void aCriterionGivenTwiceKeepsTheLastValue() {
            assertThat(filled().getActions(ActionFilter.all().action("waving").action("pointing")))
                    .containsExactly(POINT_8);
        }

        @Test
        void matchNothingInAnEmptyStore() {
            assertThat(store.getActions(ActionFilter.all().lastSeconds(10))).isEmpty();
        }

        @Test
        void refuseInvalidRanges() {
            assertThatThrownBy(() -> ActionFilter.all().between(5, 1)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> ActionFilter.all().lastSeconds(-1)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Bounded {

        @Test
        void evictsTheOldestBeyondMaxActions() {
            ActionStore bounded = ActionStore.bounded(3, null);
            bounded.addAll(List.of(WAVE_10, WAVE_1, THUMBS_3, WAVE_5));
            bounded.add(POINT_8);

            assertThat(bounded.getActions()).containsExactly(WAVE_5, POINT_8, WAVE_10);
            assertThat(bounded.summary()).containsExactly(Map.entry("waving", 2), Map.entry("pointing", 1));
        }

        @Test
        void evictsActionsOlderThanMaxAgeBeforeTheNewest() {
            ActionStore bounded = ActionStore.bounded(Integer.MAX_VALUE, Duration.ofSeconds(5));
            bounded.addAll(List.of(WAVE_1, THUMBS_3, WAVE_5));
            assertThat(bounded.size()).isEqualTo(3);

            bounded.add(WAVE_10);

            assertThat(bounded.getActions()).containsExactly(WAVE_5, WAVE_10);
            assertThat(bounded.summary()).containsExactly(Map.entry("waving", 2));
        }

        @Test
        void aDetectorsDefaultStoreKeepsTheNewestDefaultMaxActionsSoA247StreamCannotGrowItWithoutEnd() {
            ActionStore byDefault = ActionDetector.builder().actions(List.of("waving")).build().store();
            addInOrder(byDefault, ActionStore.DEFAULT_MAX_ACTIONS + 5);

            assertThat(byDefault.size()).isEqualTo(ActionStore.DEFAULT_MAX_ACTIONS);
            assertThat(byDefault.getActions().get(0).timestamp()).isEqualTo(5.0);
            assertThat(byDefault.newestTimestamp()).hasValue(ActionStore.DEFAULT_MAX_ACTIONS + 4.0);
        }

        @Test
        void anUnboundedStoreKeepsEverything() {
            ActionStore unbounded = ActionStore.unbounded();
            addInOrder(unbounded, ActionStore.DEFAULT_MAX_ACTIONS + 5);

            assertThat(unbounded.size()).isEqualTo(ActionStore.DEFAULT_MAX_ACTIONS + 5);
        }

        private static void addInOrder(ActionStore target, int count) {
            for (int i = 0; i < count; i++) {
                target.add(DetectedAction.of("waving", i, i, 0.9));
            }
        }

        @Test
        void refusesNonsenseBounds() {
            assertThatThrownBy(() -> ActionStore.bounded(0, null)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> ActionStore.bounded(1, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void concurrentAddsAndReadsLoseNothing() throws Exception {
        int threads = 8;
        int each = 2000;
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String name = "action-" + (t % 4);
                int thread = t;
                writers.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < each; i++) {
                        DetectedAction a = DetectedAction.of(name, i, (long) thread * each + i, 0.5);
                        if (i % 2 == 0) {
                            store.add(a);
                        } else {
                            store.addAll(List.of(a));
                        }
                    }
                    return null;
                }));
            }
            Future<Integer> reader = pool.submit(() -> {
                start.await();
                int reads = 0;
                while (writers.stream().anyMatch(w -> !w.isDone())) {
                    store.getActions(ActionFilter.all().lastSeconds(10));
                    store.summary();
                    reads++;
                }
                return reads;
            });
            start.countDown();
            for (Future<?> writer : writers) {
                writer.get(30, TimeUnit.SECONDS);
            }
            assertThat(reader.get(30, TimeUnit.SECONDS)).isPositive();
        } finally {
            pool.shutdownNow();
        }

        assertThat(store.size()).isEqualTo(threads * each);
        assertThat(store.getActions()).extracting(DetectedAction::frameNumber).doesNotHaveDuplicates();
        assertThat(store.summary().values()).containsOnly(2 * each);
        assertThat(store.getActions()).isSortedAccordingTo((a, b) -> Double.compare(a.timestamp(), b.timestamp()));
    }
}
