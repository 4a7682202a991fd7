package dev.camelovershoot.component;

import java.util.Set;
import org.apache.camel.AsyncEndpoint;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

/**
 * Publishes frames to, and receives inference results from, one named Overshoot stream. Producers and consumers of
 * the same stream name in a CamelContext share one Overshoot stream.
 */
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

    @Override
    public Producer createProducer() {
        return new OvershootProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        OvershootConsumer consumer = new OvershootConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
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

    SharedStream acquireStream() {
        return getComponent().streams().acquire(this);
    }

    void releaseStream(SharedStream stream) {
        getComponent().streams().release(stream);
    }
}
