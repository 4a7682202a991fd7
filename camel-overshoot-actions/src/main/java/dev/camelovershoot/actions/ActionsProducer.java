package dev.camelovershoot.actions;

import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;

/** Runs the endpoint's operation (or the one in the {@link ActionsConstants#OPERATION} header) on each exchange. */
final class ActionsProducer extends DefaultProducer {

    private final ActionsEndpoint endpoint;

    ActionsProducer(ActionsEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Message message = exchange.getMessage();
        ActionsOperation operation = message.getHeader(ActionsConstants.OPERATION, endpoint.getOperation(),
                ActionsOperation.class);
        switch (operation) {
            case detect -> publish(message, endpoint.channel().requireDetector()
                    .accept(ResultExchanges.toMessage(exchange, endpoint.clock().instant())));
            case flush -> publish(message, endpoint.channel().requireDetector().flush());
            case query -> message.setBody(endpoint.resolveStore().getActions(filter(message)));
            case summary -> message.setBody(endpoint.resolveStore().summary());
            case export -> message.setBody(endpoint.export());
            case clear -> endpoint.resolveStore().clear();
        }
    }

    /** A detect producer's route stopped: no more results will come, so the open events end. */
    @Override
    protected void doStop() throws Exception {
        if (endpoint.getOperation() == ActionsOperation.detect) {
            endpoint.channel().flush();
        }
        super.doStop();
    }

    private void publish(Message message, List<DetectedAction> events) {
        message.setBody(events);
        endpoint.channel().publish(events);
    }

    private static ActionFilter filter(Message message) {
        ActionFilter filter = ActionFilter.all();
        String action = message.getHeader(ActionsConstants.ACTION, String.class);
        if (action != null) {
            filter = filter.action(action);
        }
        Double minConfidence = message.getHeader(ActionsConstants.MIN_CONFIDENCE, Double.class);
        if (minConfidence != null) {
            filter = filter.minConfidence(minConfidence);
        }
        Double start = message.getHeader(ActionsConstants.START_TIME, Double.class);
        Double end = message.getHeader(ActionsConstants.END_TIME, Double.class);
        if (start != null || end != null) {
            filter = filter.between(start != null ? start : Double.NEGATIVE_INFINITY,
                    end != null ? end : Double.POSITIVE_INFINITY);
        }
        Double lastSeconds = message.getHeader(ActionsConstants.LAST_SECONDS, Double.class);
        return lastSeconds != null ? filter.lastSeconds(lastSeconds) : filter;
    }
}
