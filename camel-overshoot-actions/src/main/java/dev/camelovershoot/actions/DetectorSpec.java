package dev.camelovershoot.actions;

import java.time.Duration;

/**
 * The detector an {@code overshoot-actions:} endpoint asks for: a given one, or one built from its options. Equal
 * specs (the same detector or store object, equal options) describe the same detector.
 */
record DetectorSpec(ActionDetector detector, String actions, double minConfidence, double mergeGapSeconds,
                    ActionStore store, int maxActions, double maxAgeSeconds) {

    ActionDetector create() {
        if (detector != null) {
            return detector;
        }
        ActionDetector.Builder builder = ActionDetector.builder()
                .minConfidence(minConfidence)
                .mergeGapSeconds(mergeGapSeconds)
                .store(store != null ? store : newStore());
        builder.setActions(actions);
        return builder.build();
    }

    /** {@code maxActions} 0 lifts the count bound (default {@value ActionStore#DEFAULT_MAX_ACTIONS}). */
    private ActionStore newStore() {
        if (maxActions <= 0 && maxAgeSeconds <= 0) {
            return ActionStore.unbounded();
        }
        return ActionStore.bounded(maxActions > 0 ? maxActions : Integer.MAX_VALUE,
                maxAgeSeconds > 0 ? Duration.ofNanos((long) (maxAgeSeconds * 1e9)) : null);
    }
}
