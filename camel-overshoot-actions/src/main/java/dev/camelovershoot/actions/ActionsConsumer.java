package dev.camelovershoot.actions;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;

/**
 * Emits one exchange per completed event of its detector, on the thread that completed it (like {@code direct:}).
 * Stopping it ends the open events first, so an event in progress at shutdown is still emitted.
 */
final class ActionsConsumer extends DefaultConsumer {

    private final ActionsEndpoint endpoint;

    ActionsConsumer(ActionsEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        endpoint.channel().subscribe(this);
    }

    @Override
    protected void doStop() throws Exception {
        endpoint.channel().flush();
        endpoint.channel().unsubscribe(this);
        super.doStop();
    }

    void emit(DetectedAction event) {
        Exchange exchange = createExchange(false);
        ActionHeaders.set(exchange.getMessage(), event);
        try {
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        if (exchange.getException() != null) {
            getExceptionHandler().handleException("Error processing event " + event, exchange,
                    exchange.getException());
        }
        releaseExchange(exchange, false);
    }
}
