package dev.camelovershoot.component;

import java.util.Map;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;

/** The {@code overshoot:} component: real-time video AI results from Overshoot streams. */
@Component("overshoot")
public class OvershootComponent extends HealthCheckComponent {

    @Metadata(description = "Defaults for every endpoint of this component (apiUrl, apiKey, model, ...).")
    private OvershootConfiguration configuration = new OvershootConfiguration();

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        OvershootEndpoint endpoint = new OvershootEndpoint(uri, this, remaining, configuration.copy());
        setProperties(endpoint, parameters);
        return endpoint;
    }

    public OvershootConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(OvershootConfiguration configuration) {
        this.configuration = configuration;
    }
}
