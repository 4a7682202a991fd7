package dev.camelovershoot.component;

import java.util.Set;
import org.apache.camel.AsyncEndpoint;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.support.DefaultEndpoint;

/**
 * Publishes frames to, and receives inference results from, one named Overshoot stream. Producers and consumers of
 * the same stream name in a CamelContext share one Overshoot stream. Exchanges with header CamelOvershootStreamKey go
 * to the key's own stream instead: one endpoint serving a fleet of cameras.
 */
@ManagedResource(description = "Managed Overshoot endpoint")
@UriEndpoint(firstVersion = "0.1.0", scheme = "overshoot", title = "Overshoot", syntax = "overshoot:streamName",
             category = {Category.AI}, headersClass = OvershootConstants.class)
public class OvershootEndpoint extends DefaultEndpoint implements AsyncEndpoint {

    @UriPath(description = "Name of the stream; a producer and a consumer with the same name share one Overshoot stream.")
    @Metadata(required = true)
    private final String streamName;

    @UriParam
    private final OvershootConfiguration configuration;

    private final Set<String> streamOptions;

    /**
     * @param givenOptions the options written on the endpoint URI; of these, the stream-defining ones must agree with
     *                     the other endpoints of the stream
     */
    public OvershootEndpoint(String uri, OvershootComponent component, String streamName,
                             OvershootConfiguration configuration, Set<String> givenOptions) {
        super(uri, component);
        this.streamName = streamName;
        this.configuration = configuration;
        this.streamOptions = StreamOptions.among(givenOptions);
    }

    /** Fails the route at start-up, naming the option, when an option this endpoint gives is wrong in itself. */
    @Override
    protected void doInit() throws Exception {
        super.doInit();
        StreamRequests.checkOwnOptions(configuration, getCamelContext());
    }

    /** A v0.2 or a v1 producer, as the stream's apiVersion (or apiUrl) says. */
    @Override
    public Producer createProducer() {
        return speaksV1() ? new V1Producer(this) : new OvershootProducer(this);
    }

    /** A v0.2 consumer of results, or a v1 consumer running the watch loop, as the stream's apiVersion says. */
    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        DefaultConsumer consumer = speaksV1() ? new V1Consumer(this, processor) : new OvershootConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    /**
     * Whether the stream speaks v1: decided on the options of every endpoint of the stream name known now, so that
     * apiUrl may be given on any of them (or on the component).
     */
    boolean speaksV1() {
        OvershootConfiguration stream;
        try {
            stream = getComponent().streams().configuration(this);
        } catch (IllegalArgumentException conflict) {
            // the endpoints disagree: starting the stream reports it, naming the options
            stream = configuration;
        }
        return V1Requests.isV1(stream);
    }

    @Override
    public OvershootComponent getComponent() {
        return (OvershootComponent) super.getComponent();
    }

    public String getStreamName() {
        return streamName;
    }

    public OvershootConfiguration getConfiguration() {
        return configuration;
    }

    /** The stream-defining options given on this endpoint's URI. */
    Set<String> getStreamOptions() {
        return streamOptions;
    }

    @ManagedAttribute(description = "Keyed streams (header CamelOvershootStreamKey) of this endpoint name open now")
    public int getKeyedStreamsOpen() {
        StreamFleet<?> fleet = fleet();
        return fleet == null ? 0 : fleet.openCount();
    }

    @ManagedAttribute(description = "Keyed streams of this endpoint name opened since its routes started")
    public long getKeyedStreamsOpened() {
        StreamFleet<?> fleet = fleet();
        return fleet == null ? 0 : fleet.openedCount();
    }

    @ManagedAttribute(description = "Keyed streams of this endpoint name closed since its routes started: idle,"
                                    + " evicted, by closeStream, ended")
    public long getKeyedStreamsClosed() {
        StreamFleet<?> fleet = fleet();
        return fleet == null ? 0 : fleet.closedCount();
    }

    /** The keyed streams of this name, of whichever API version its routes use; null while none uses them. */
    private StreamFleet<?> fleet() {
        StreamFleet<?> fleet = getComponent().streams().fleet(streamName);
        return fleet != null ? fleet : getComponent().v1Streams().fleet(streamName);
    }
}
