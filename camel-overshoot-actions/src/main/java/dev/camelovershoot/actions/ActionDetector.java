package dev.camelovershoot.actions;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.camel.CamelContext;

/**
 * Detects named actions in the results of an Overshoot stream and stores them.
 *
 * <p>Give the stream {@link #prompt()} and {@link #outputSchema()} (or {@link #endpointQuery()} on an
 * {@code overshoot:} URI), then pass each result to {@link #accept(ResultMessage)}. A detection counts when the model
 * says {@code detected: true} with at least the minimum confidence. With a merge gap of 0 every detection is an action
 * of its own ({@code duration} null); with a positive gap, consecutive detections of one action merge into an event
 * with a duration, returned when it ends (see {@link EventAggregator}). What {@code accept} and {@link #flush()} return
 * is also added to the {@link #store()}.
 *
 * <p>Timestamps are seconds from the arrival of the first result after creation or {@link #reset()}: the wire
 * carries no frame time, and arrival times share the stream's latency, so durations are unaffected.
 * {@code frameNumber} is the result's {@code frame_index} when its JSON has one, else the index of the result
 * (0 for the first). Thread-safe.
 */
public final class ActionDetector {

    private final List<String> actions;
    private final double minConfidence;
    private final double mergeGapSeconds;
    private final ActionStore store;
    private final ResultParser parser;
    private final EventAggregator aggregator;
    private final ObjectNode schema;
    private final String schemaText;
    private Instant origin;
    private long results;

    private ActionDetector(Builder builder) {
        this.actions = List.copyOf(builder.actions);
        this.minConfidence = builder.minConfidence;
        this.mergeGapSeconds = builder.mergeGapSeconds;
        this.store = builder.store == null ? new ActionStore() : builder.store;
        this.parser = new ResultParser(actions, minConfidence);
        this.aggregator = new EventAggregator(mergeGapSeconds);
        this.schema = ActionSchema.schema(actions);
        this.schemaText = ActionSchema.text(schema);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A detector of these actions with default settings: minimum confidence 0.5, no merging, its own store. */
    public static ActionDetector of(String... actions) {
        return builder().actions(Arrays.asList(actions)).build();
    }

    /**
     * A detector of comma-separated action names (blanks around each trimmed) with default settings, like
     * {@link #of(String...)}: for factories that pass one text, such as the overshoot-actions-source Kamelet's.
     */
    public static ActionDetector parse(String commaSeparatedActions) {
        Builder builder = builder();
        builder.setActions(commaSeparatedActions);
        return builder.build();
    }

    public List<String> actions() {
        return actions;
    }

    public double minConfidence() {
        return minConfidence;
    }

    public double mergeGapSeconds() {
        return mergeGapSeconds;
    }

    public ActionStore store() {
        return store;
    }

    /** The JSON Schema the model's answers must follow (a copy). */
    public ObjectNode outputSchema() {
        return schema.deepCopy();
    }

    /** {@link #outputSchema()} as JSON text, with no {@code }}} (which Camel would take for a placeholder's end). */
    public String outputSchemaJson() {
        return schemaText;
    }

    /** A prompt naming the actions and asking for answers of the {@link #outputSchema()} shape. */
    public String prompt() {
        return ActionSchema.prompt(actions);
    }

    /** The {@code overshoot:} endpoint options that make its stream answer for this detector. */
    public Map<String, String> endpointOptions() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("prompt", prompt());
        options.put("outputSchema", outputSchemaJson());
        return options;
    }

    /** {@link #endpointOptions()} as a URI query of raw values: {@code "overshoot:cam?" + endpointQuery()}. */
    public String endpointQuery() {
        return endpointOptions().entrySet().stream()
                .map(e -> e.getKey() + "=" + UriValues.raw(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    /** Takes one result; returns the actions (or ended events) it completed, oldest first, after storing them. */
    public synchronized List<DetectedAction> accept(ResultMessage result) {
        List<DetectedAction> completed = completedBy(result);
        store.addAll(completed);
        return completed;
    }

    /** Ends the open events (at shutdown, or when the stream ended); returns and stores them, oldest first. */
    public synchronized List<DetectedAction> flush() {
        List<DetectedAction> ended = aggregator.flush();
        store.addAll(ended);
        return ended;
    }

    /** Starts over for a new stream: the next result is time 0 and index 0; open events are dropped, not stored. */
    public synchronized void reset() {
        origin = null;
        results = 0;
        aggregator.clear();
    }

    /**
     * Runs a video file through an {@code overshoot:} stream of the given context and returns the {@link #store()}
     * once the file ended. See {@link VideoAnalyzer} for the options and how the end is recognised.
     */
    public ActionStore analyzeVideo(CamelContext context, Path video) {
        return new VideoAnalyzer(context, this).analyzeVideo(video);
    }

    private List<DetectedAction> completedBy(ResultMessage result) {
        if (origin == null) {
            origin = result.receivedAt();
        }
        double time = Duration.between(origin, result.receivedAt()).toNanos() / 1e9;
        long index = results++;
        ResultParser.Parsed parsed = result.ok() ? parser.parse(result.text()) : ResultParser.Parsed.NOTHING;
        long frame = parsed.frameIndex().orElse(index);
        List<DetectedAction> detections = parsed.detections().stream()
                .map(d -> new DetectedAction(d.action(), time, frame, d.confidence(), null, result.metadata()))
                .toList();
        return mergeGapSeconds == 0 ? detections : aggregator.accept(time, detections);
    }

    /** Settings of a detector; also a bean for YAML ({@code builderClass}) with setters. */
    public static final class Builder {
        private Collection<String> actions = List.of();
        private double minConfidence = 0.5;
        private double mergeGapSeconds;
        private ActionStore store;

        public Builder actions(Collection<String> names) {
            this.actions = new LinkedHashSet<>(names);
            return this;
        }

        /** Comma-separated action names, blanks around each trimmed. */
        public void setActions(String commaSeparated) {
            actions(Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList());
        }

        /** Detections below this confidence are ignored; 0 to 1, default 0.5. */
        public Builder minConfidence(double confidence) {
            this.minConfidence = confidence;
            return this;
        }

        public void setMinConfidence(double confidence) {
            minConfidence(confidence);
        }

        /** Detections closer than this merge into one event; 0 (default) keeps every detection on its own. */
        public Builder mergeGapSeconds(double seconds) {
            this.mergeGapSeconds = seconds;
            return this;
        }

        public void setMergeGapSeconds(double seconds) {
            mergeGapSeconds(seconds);
        }

        /** Where actions are stored; default a new store keeping the newest 100,000 ({@code new ActionStore()}). */
        public Builder store(ActionStore actionStore) {
            this.store = actionStore;
            return this;
        }

        public void setStore(ActionStore actionStore) {
            store(actionStore);
        }

        public ActionDetector build() {
            if (actions.isEmpty() || actions.stream().anyMatch(a -> a == null || a.isBlank())) {
                throw new IllegalArgumentException("an action detector needs action names, none blank: " + actions);
            }
            if (!(minConfidence >= 0 && minConfidence <= 1)) {
                throw new IllegalArgumentException("minConfidence must be between 0 and 1, got " + minConfidence);
            }
            if (!(mergeGapSeconds >= 0 && Double.isFinite(mergeGapSeconds))) {
                throw new IllegalArgumentException("mergeGapSeconds must be 0 or more, got " + mergeGapSeconds);
            }
            return new ActionDetector(this);
        }
    }
}
