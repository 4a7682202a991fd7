package dev.camelovershoot.component;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

/** Publishes frames to, and receives inference results from, one named Overshoot stream. */
@UriEndpoint(firstVersion = "0.1.0", scheme = "overshoot", title = "Overshoot", syntax = "overshoot:streamName",
             category = {Category.AI}, headersClass = OvershootConstants.class)
public class OvershootEndpoint extends DefaultEndpoint {

    @UriPath(description = "Name of the stream; a producer and a consumer with the same name share one Overshoot stream.")
    @Metadata(required = true)
    private final String streamName;

    @UriParam
    private final OvershootConfiguration configuration;

    public OvershootEndpoint(String uri, OvershootComponent component, String streamName, OvershootConfiguration configuration) {
        super(uri, component);
        this.streamName = streamName;
        this.configuration = configuration;
    }

    @Override
    public Producer createProducer() {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("not yet");
    }

    public String getStreamName() {
        return streamName;
    }

    public OvershootConfiguration getConfiguration() {
        return configuration;
    }
}
