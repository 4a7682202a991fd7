package dev.camelovershoot.actions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Merges consecutive detections of one action into events, one open event per action.
 *
 * <p>A detection less than {@code gap} seconds after the last detection of its open event extends it; otherwise
 * the open event closes and the detection opens a new one. Every result is a tick: an open event whose last
 * detection is {@code gap} or more seconds older than the result closes then. An event lasts from its first
 * detection to the first result after its last detection (the first result that no longer saw it), so each
 * detection stands for one sampling interval; an event closed before any later result arrived (at {@link #flush()})
 * ends at its last detection.
 */
final class EventAggregator {

    /** Metadata key of an event: how many detections it merged. */
    static final String DETECTIONS = "detections";

    private final double gap;
    private final Map<String, OpenEvent> open = new LinkedHashMap<>();

    private static final class OpenEvent {
        private final DetectedAction first;
        private double last;
        private double confidence;
        private int count = 1;
        /** The first result after {@link #last}; NaN while none. */
        private double end = Double.NaN;

        OpenEvent(DetectedAction first) {
            this.first = first;
            this.last = first.timestamp();
            this.confidence = first.confidence();
        }

        void extend(DetectedAction detection) {
            last = detection.timestamp();
            confidence = Math.max(confidence, detection.confidence());
            count++;
            end = Double.NaN;
        }

        DetectedAction close() {
            Map<String, Object> metadata = new LinkedHashMap<>(first.metadata());
            metadata.put(DETECTIONS, count);
            double until = Double.isNaN(end) ? last : end;
            return new DetectedAction(first.action(), first.timestamp(), first.frameNumber(), confidence,
                    until - first.timestamp(), metadata);
        }
    }

    EventAggregator(double gap) {
        this.gap = gap;
    }

    /** Takes the detections of the result that arrived at {@code time}; returns the events it ended, oldest first. */
    List<DetectedAction> accept(double time, List<DetectedAction> detections) {
        List<DetectedAction> ended = new ArrayList<>();
        closeQuiet(time, detections, ended);
        for (DetectedAction detection : detections) {
            OpenEvent event = open.get(detection.action());
            if (event != null && detection.timestamp() - event.last < gap) {
                event.extend(detection);
            } else {
                if (event != null) {
                    ended.add(event.close());
                }
                open.put(detection.action(), new OpenEvent(detection));
            }
        }
        ended.sort(Comparator.comparingDouble(DetectedAction::timestamp));
        return ended;
    }

    /** Ends every open event; returns them oldest first. */
    List<DetectedAction> flush() {
        List<DetectedAction> ended = open.values().stream().map(OpenEvent::close)
                .sorted(Comparator.comparingDouble(DetectedAction::timestamp)).toList();
        open.clear();
        return ended;
    }

    /** Drops the open events. */
    void clear() {
        open.clear();
    }

    /** Marks where events not seen in this result end, and closes those silent for a gap or more. */
    private void closeQuiet(double time, List<DetectedAction> detections, List<DetectedAction> ended) {
        Set<String> seen = detections.stream().map(DetectedAction::action).collect(Collectors.toSet());
        for (Iterator<Map.Entry<String, OpenEvent>> it = open.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, OpenEvent> entry = it.next();
            OpenEvent event = entry.getValue();
            if (seen.contains(entry.getKey())) {
                continue;
            }
            if (Double.isNaN(event.end)) {
                event.end = time;
            }
            if (time - event.last >= gap) {
                ended.add(event.close());
                it.remove();
            }
        }
    }
}
