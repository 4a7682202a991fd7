package dev.camelovershoot.actions;

import dev.camelovershoot.component.OvershootConstants;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.support.DefaultEndpoint;

/**
 * Stands in for the {@code overshoot:} component, which is not on this branch yet: it records the options each
 * endpoint was created with, and its consumer sends the scripted result texts (with the result headers the real
 * consumer sets) back to back on its own thread, then goes quiet, or stops its route when told to.
 */
final class FakeOvershootComponent extends DefaultComponent {

    private final Map<String, Map<String, Object>> options = new ConcurrentHashMap<>();
    private final List<String> script;
    private final boolean stopRouteAtEnd;

    FakeOvershootComponent(List<String> script, boolean stopRouteAtEnd) {
        this.script = script;
        this.stopRouteAtEnd = stopRouteAtEnd;
    }

    /** The decoded options of the endpoint of this name. */
    Map<String, Object> options(String name) {
        return options.get(name);
    }

    /** The names of the endpoints created. */
    Set<String> names() {
        return options.keySet();
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) {
        options.put(remaining, new LinkedHashMap<>(parameters));
        parameters.clear();
        return new FakeEndpoint(uri, this);
    }

    private final class FakeEndpoint extends DefaultEndpoint {

        FakeEndpoint(String uri, FakeOvershootComponent component) {
            super(uri, component);
        }

        @Override
        public Producer createProducer() {
            throw new UnsupportedOperationException("results only");
        }

        @Override
        public Consumer createConsumer(Processor processor) {
            return new ScriptConsumer(this, processor);
        }
    }

    private final class ScriptConsumer extends DefaultConsumer {

        private ExecutorService thread;

        ScriptConsumer(Endpoint endpoint, Processor processor) {
            super(endpoint, processor);
        }

        @Override
        protected void doStart() throws Exception {
            super.doStart();
            thread = getEndpoint().getCamelContext().getExecutorServiceManager()
                    .newSingleThreadExecutor(this, "fake-overshoot");
            thread.submit(this::play);
        }

        @Override
        protected void doStop() throws Exception {
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdown(thread);
            super.doStop();
        }

        private void play() {
            for (int i = 0; i < script.size() && isRunAllowed(); i++) {
                Exchange exchange = createExchange(false);
                exchange.getMessage().setBody(script.get(i));
                exchange.getMessage().setHeader(OvershootConstants.STREAM_ID, "stream-1");
                exchange.getMessage().setHeader(OvershootConstants.RESULT_ID, "res_" + i);
                exchange.getMessage().setHeader(OvershootConstants.OK, true);
                try {
                    getProcessor().process(exchange);
                } catch (Exception e) {
                    getExceptionHandler().handleException(e);
                } finally {
                    releaseExchange(exchange, false);
                }
            }
            if (stopRouteAtEnd) {
                try {
                    getEndpoint().getCamelContext().getRouteController().stopRoute(getRouteId());
                } catch (Exception e) {
                    getExceptionHandler().handleException(e);
                }
            }
        }
    }
}
