package dev.camelovershoot.actions;

import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;

/** The {@code overshoot-actions:} component: endpoints of the same name share one detector and its events. */
@Component("overshoot-actions")
public class ActionsComponent extends DefaultComponent {

    private final Map<String, ActionChannel> channels = new ConcurrentHashMap<>();
    /** Gives the arrival time of results; not an option (tests of this package replace it). */
    private volatile InstantSource clock = InstantSource.system();

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        if (remaining == null || remaining.isBlank()) {
            throw new IllegalArgumentException("overshoot-actions: needs a name, as in overshoot-actions:gestures");
        }
        ActionsEndpoint endpoint = new ActionsEndpoint(uri, this, remaining,
                channels.computeIfAbsent(remaining, ActionChannel::new));
        setProperties(endpoint, parameters);
        return endpoint;
    }

    InstantSource clock() {
        return clock;
    }

    void clock(InstantSource source) {
        this.clock = source;
    }
}
