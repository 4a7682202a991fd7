package dev.camelovershoot.actions;

import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * Gives a message whose body is a {@link DetectedAction} the headers an {@code overshoot-actions:} consumer sends
 * with each event ({@link ActionsConstants#ACTION}, confidence, timestamp, frame number, duration). The
 * overshoot-actions-source Kamelet runs it on each action the detect operation returned.
 */
public final class ActionHeaders implements Processor {

    @Override
    public void process(Exchange exchange) throws InvalidPayloadException {
        Message message = exchange.getMessage();
        set(message, message.getMandatoryBody(DetectedAction.class));
    }

    /** Sets the action as the body and its headers. */
    static void set(Message message, DetectedAction event) {
        message.setBody(event);
        message.setHeader(ActionsConstants.ACTION, event.action());
        message.setHeader(ActionsConstants.CONFIDENCE, event.confidence());
        message.setHeader(ActionsConstants.TIMESTAMP, event.timestamp());
        message.setHeader(ActionsConstants.FRAME_NUMBER, event.frameNumber());
        if (event.duration() != null) {
            message.setHeader(ActionsConstants.DURATION, event.duration());
        }
    }
}
