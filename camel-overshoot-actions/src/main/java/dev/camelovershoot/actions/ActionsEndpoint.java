package dev.camelovershoot.actions;

import java.io.IOException;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Detects actions in {@code overshoot:} results (producer) and emits one exchange per completed event (consumer of
 * the same name).
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "overshoot-actions", title = "Overshoot Actions",
             syntax = "overshoot-actions:name", category = {Category.AI}, headersClass = ActionsConstants.class)
public class ActionsEndpoint extends DefaultEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(ActionsEndpoint.class);

    @UriPath(description = "Name of the detector; producers and consumers of the same name share it and its events.")
    @Metadata(required = true)
    private final String name;

    @UriParam(label = "common", description = "Comma-separated names of the actions to detect. Give the detector"
            + " options (actions, minConfidence, mergeGapSeconds, store, maxActions, maxAgeSeconds) or detector on one"
            + " endpoint of a name.")
    private String actions;

    @UriParam(label = "common", defaultValue = "0.5", description = "Detections below this confidence are ignored.")
    private double minConfidence = 0.5;

    @UriParam(label = "common", defaultValue = "0", description = "Detections of an action closer than this many"
            + " seconds merge into one event with a duration, emitted when it ends; 0 emits every detection.")
    private double mergeGapSeconds;

    @UriParam(label = "common", description = "A ready detector to use instead of actions, minConfidence,"
            + " mergeGapSeconds and the store options.")
    private ActionDetector detector;

    @UriParam(label = "common", description = "The store the detector adds to; by default a new one. Operations use"
            + " it too.")
    private ActionStore store;

    @UriParam(label = "common", defaultValue = "100000", description = "Bound of a store created here: keep at most"
            + " this many actions, evicting the oldest (0: no bound).")
    private int maxActions = ActionStore.DEFAULT_MAX_ACTIONS;

    @UriParam(label = "common", description = "Bound of a store created here: drop actions more than this many seconds"
            + " older than the newest (0: no bound).")
    private double maxAgeSeconds;

    @UriParam(label = "producer", defaultValue = "detect", description = "What the producer does with an exchange.")
    private ActionsOperation operation = ActionsOperation.detect;

    @UriParam(label = "producer", description = "File the export operation writes the store to as JSON; also written"
            + " when the endpoint stops.")
    private String exportJson;

    @UriParam(label = "producer", description = "File the export operation writes the store to as CSV; also written"
            + " when the endpoint stops.")
    private String exportCsv;

    private final ActionChannel channel;

    public ActionsEndpoint(String uri, ActionsComponent component, String name, ActionChannel channel) {
        super(uri, component);
        this.name = name;
        this.channel = channel;
    }

    @Override
    public Producer createProducer() {
        return new ActionsProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        ActionsConsumer consumer = new ActionsConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        if (detector != null || actions != null) {
            channel.define(new DetectorSpec(detector, actions, minConfidence, mergeGapSeconds, store, maxActions,
                    maxAgeSeconds));
        }
    }

    /** Ends the open events and writes the export files, when configured. */
    @Override
    protected void doStop() throws Exception {
        if (exportJson != null || exportCsv != null) {
            try {
                channel.flush();
                LOG.info("Exported {} on stop", export());
            } catch (IOException | RuntimeException e) {
                LOG.warn("Could not export the actions of overshoot-actions:{} on stop: {}", name, e.getMessage(), e);
            }
        }
        super.doStop();
    }

    /** Writes the store to the configured export files; returns them. */
    List<Path> export() throws IOException {
        List<Path> written = new ArrayList<>();
        if (exportJson != null) {
            resolveStore().exportJson(Path.of(exportJson));
            written.add(Path.of(exportJson));
        }
        if (exportCsv != null) {
            resolveStore().exportCsv(Path.of(exportCsv));
            written.add(Path.of(exportCsv));
        }
        return written;
    }

    /** The store operations work on: the store option, else the detector's. */
    ActionStore resolveStore() {
        return store != null ? store : channel.requireDetector().store();
    }

    ActionChannel channel() {
        return channel;
    }

    public String getName() {
        return name;
    }

    public String getActions() {
        return actions;
    }

    public void setActions(String actions) {
        this.actions = actions;
    }

    public double getMinConfidence() {
        return minConfidence;
    }

    public void setMinConfidence(double minConfidence) {
        this.minConfidence = minConfidence;
    }

    public double getMergeGapSeconds() {
        return mergeGapSeconds;
    }

    public void setMergeGapSeconds(double mergeGapSeconds) {
        this.mergeGapSeconds = mergeGapSeconds;
    }

    public ActionDetector getDetector() {
        return detector;
    }

    public void setDetector(ActionDetector detector) {
        this.detector = detector;
    }

    public ActionStore getStore() {
        return store;
    }

    public void setStore(ActionStore store) {
        this.store = store;
    }

    public int getMaxActions() {
        return maxActions;
    }

    public void setMaxActions(int maxActions) {
        this.maxActions = maxActions;
    }

    public double getMaxAgeSeconds() {
        return maxAgeSeconds;
    }

    public void setMaxAgeSeconds(double maxAgeSeconds) {
        this.maxAgeSeconds = maxAgeSeconds;
    }

    public ActionsOperation getOperation() {
        return operation;
    }

    public void setOperation(ActionsOperation operation) {
        this.operation = operation;
    }

    public String getExportJson() {
        return exportJson;
    }

    public void setExportJson(String exportJson) {
        this.exportJson = exportJson;
    }

    public String getExportCsv() {
        return exportCsv;
    }

    public void setExportCsv(String exportCsv) {
        this.exportCsv = exportCsv;
    }

    /** The arrival time of results: the component's clock. */
    InstantSource clock() {
        return ((ActionsComponent) getComponent()).clock();
    }
}
