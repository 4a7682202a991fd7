package dev.camelovershoot.component;

import dev.camelovershoot.client.StreamListener;
import dev.camelovershoot.transport.ReconnectListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Micrometer meters of the component's streams, named and tagged as camel-micrometer names its own: {@code camel.}
 * names, tag {@code camelContext}, plus {@code streamName}. The only class that needs Micrometer. Meters stay
 * registered when a stream closes, so a stream started again under its name counts on.
 */
final class OvershootMetrics implements StreamMetrics.Factory {

    /** The name camel-micrometer looks a registry up by first. */
    static final String REGISTRY_NAME = "metricsRegistry";
    private static final Logger LOG = LoggerFactory.getLogger(OvershootMetrics.class);
    private static final String PREFIX = "camel.overshoot.";

    private final MeterRegistry registry;
    private final Tags contextTags;
    private final AtomicInteger openStreams = new AtomicInteger();
    /** The state each stream name is in, read by its gauges. */
    private final Map<String, AtomicReference<StreamStatus.State>> states = new ConcurrentHashMap<>();
    /** The keyed streams open of each stream name, read by its gauge. */
    private final Map<String, AtomicInteger> keyedOpen = new ConcurrentHashMap<>();

    private OvershootMetrics(MeterRegistry registry, String camelContext) {
        this.registry = registry;
        this.contextTags = Tags.of("camelContext", camelContext);
        Gauge.builder(PREFIX + "streams.open", openStreams, AtomicInteger::get).tags(contextTags)
                .description("Overshoot streams open").register(registry);
    }

    /**
     * The registry named {@code metricsRegistry}, else the only {@link MeterRegistry} in the Camel registry, else
     * (when {@code enabled} is true) Micrometer's global registry; {@link StreamMetrics.Factory#NONE} without one.
     */
    static StreamMetrics.Factory lookup(CamelContext context, Boolean enabled) {
        MeterRegistry registry = context.getRegistry().lookupByNameAndType(REGISTRY_NAME, MeterRegistry.class);
        if (registry == null) {
            registry = context.getRegistry().findSingleByType(MeterRegistry.class);
        }
        if (registry == null && Boolean.TRUE.equals(enabled)) {
            registry = Metrics.globalRegistry;
        }
        if (registry == null) {
            return StreamMetrics.Factory.NONE;
        }
        LOG.info("Overshoot metrics are recorded in {}", registry.getClass().getSimpleName());
        return new OvershootMetrics(registry, context.getName());
    }

    @Override
    public StreamMetrics open(String streamName, boolean keyed) {
        openStreams.incrementAndGet();
        return new Stream(streamName, keyed, contextTags.and("streamName", streamName));
    }

    @Override
    public StreamMetrics.Keyed keyed(String streamName) {
        Tags tags = contextTags.and("streamName", streamName);
        AtomicInteger open = keyedOpen.computeIfAbsent(streamName, first -> {
            AtomicInteger count = new AtomicInteger();
            Gauge.builder(PREFIX + "keyed.streams.open", count, AtomicInteger::get).tags(tags)
                    .description("Keyed streams open (header CamelOvershootStreamKey)").register(registry);
            return count;
        });
        Counter opened = counter("keyed.streams.opened", tags, "Keyed streams opened");
        Map<StreamFleet.Close, Counter> closed = new EnumMap<>(StreamFleet.Close.class);
        for (StreamFleet.Close reason : StreamFleet.Close.values()) {
            closed.put(reason, counter("keyed.streams.closed", tags.and("reason", tag(reason)),
                    "Keyed streams closed, by why"));
        }
        return new StreamMetrics.Keyed() {
            @Override
            public void opened() {
                open.incrementAndGet();
                opened.increment();
            }

            @Override
            public void closed(StreamFleet.Close reason) {
                open.decrementAndGet();
                closed.get(reason).increment();
            }
        };
    }

    private final class Stream implements StreamMetrics {

        private final Counter received;
        private final Counter published;
        private final Map<Drop, Counter> dropped = new EnumMap<>(Drop.class);
        private final Counter results;
        private final Timer latency;
        private final Map<StreamListener.Retry, Counter> retries = new EnumMap<>(StreamListener.Retry.class);
        private final Map<ReconnectListener.Reconnect, Counter> reconnects =
                new EnumMap<>(ReconnectListener.Reconnect.class);
        private final Counter sourceReopens;
        private final AtomicReference<StreamStatus.State> state;
        private boolean closed;

        /** A keyed stream counts with the other streams of its name and leaves the name's state gauges alone. */
        Stream(String name, boolean keyed, Tags tags) {
            state = keyed ? new AtomicReference<>() : states.computeIfAbsent(name, first -> stateGauges(tags));
            state.set(StreamStatus.State.STARTING);
            received = counter("frames.received", tags, "Frames given to the stream");
            published = counter("frames.published", tags, "Frames sent to Overshoot");
            for (Drop reason : Drop.values()) {
                dropped.put(reason, counter("frames.dropped", tags.and("reason", tag(reason)),
                        "Frames not sent, by reason"));
            }
            results = counter("results", tags, "Inference results (v1: answers of the consumer's watch) received");
            latency = Timer.builder(PREFIX + "result.latency").tags(tags)
                    .description("End-to-end latency Overshoot reports with each result").register(registry);
            retries.put(StreamListener.Retry.STREAM, reconnects(tags, "stream"));
            retries.put(StreamListener.Retry.RESULTS, reconnects(tags, "results"));
            for (ReconnectListener.Reconnect layer : ReconnectListener.Reconnect.values()) {
                reconnects.put(layer, reconnects(tags, tag(layer)));
            }
            sourceReopens = reconnects(tags, "source");
            retries.put(StreamListener.Retry.KEEPALIVE, counter("keepalive.failures", tags,
                    "Lease renewals that failed and were tried again"));
        }

        @Override
        public void frameReceived() {
            received.increment();
        }

        @Override
        public void framePublished() {
            published.increment();
        }

        @Override
        public void frameDropped(Drop reason) {
            dropped.get(reason).increment();
        }

        @Override
        public void answer(Duration took) {
            results.increment();
            latency.record(took);
        }

        @Override
        public void retry(StreamListener.Retry what) {
            retries.get(what).increment();
        }

        @Override
        public void reconnect(ReconnectListener.Reconnect what) {
            reconnects.get(what).increment();
        }

        @Override
        public void sourceReopened() {
            sourceReopens.increment();
        }

        @Override
        public void state(StreamStatus.State current) {
            state.set(current);
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                openStreams.decrementAndGet();
            }
        }
    }

    private AtomicReference<StreamStatus.State> stateGauges(Tags tags) {
        AtomicReference<StreamStatus.State> state = new AtomicReference<>(StreamStatus.State.STARTING);
        for (StreamStatus.State each : StreamStatus.State.values()) {
            Gauge.builder(PREFIX + "stream.state", state, current -> current.get() == each ? 1 : 0)
                    .tags(tags.and("state", tag(each))).description("1 for the state the stream is in")
                    .register(registry);
        }
        return state;
    }

    private Counter reconnects(Tags tags, String layer) {
        return counter("reconnects", tags.and("layer", layer), "Reconnects and retries, by layer");
    }

    private Counter counter(String name, Tags tags, String description) {
        return Counter.builder(PREFIX + name).tags(tags).description(description).register(registry);
    }

    private static String tag(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
