package dev.camelovershoot.actions;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the {@code overshoot-actions:} endpoints of one name share: the detector, defined by the endpoint that gives
 * {@code actions} or {@code detector}, and the consumers that receive every completed event.
 */
final class ActionChannel {

    private final String name;
    private final List<ActionsConsumer> consumers = new CopyOnWriteArrayList<>();
    private DetectorSpec spec;
    private ActionDetector detector;

    ActionChannel(String name) {
        this.name = name;
    }

    /** Creates the detector, or checks that an endpoint defined it the same way already. */
    synchronized void define(DetectorSpec wanted) {
        if (spec == null) {
            detector = wanted.create();
            spec = wanted;
        } else if (!spec.equals(wanted)) {
            throw new IllegalArgumentException("overshoot-actions:" + name + " is already defined by another endpoint"
                    + " with different detector options; give them on one endpoint only");
        }
    }

    synchronized Optional<ActionDetector> detector() {
        return Optional.ofNullable(detector);
    }

    ActionDetector requireDetector() {
        return detector().orElseThrow(() -> new IllegalStateException("overshoot-actions:" + name
                + " has no detector: give actions=... or detector=#bean on one of its endpoints"));
    }

    void subscribe(ActionsConsumer consumer) {
        consumers.add(consumer);
    }

    void unsubscribe(ActionsConsumer consumer) {
        consumers.remove(consumer);
    }

    /** Hands each event to every consumer, in order. */
    void publish(List<DetectedAction> events) {
        for (DetectedAction event : events) {
            consumers.forEach(consumer -> consumer.emit(event));
        }
    }

    /** Ends the detector's open events and publishes them; nothing when no detector is defined. */
    void flush() {
        detector().ifPresent(d -> publish(d.flush()));
    }
}
