package dev.camelovershoot.actions;

import dev.camelovershoot.component.OvershootConstants;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Reads an {@code overshoot:} result exchange: the body is the result text, the headers carry the rest.
 */
final class ResultExchanges {


    /** A header copied into the metadata of the actions detected in the result. */
    private record Copied(String header, String key) {
    }

    private static final List<Copied> METADATA = List.of(
            new Copied(OvershootConstants.STREAM_ID, "stream_id"),
            new Copied(OvershootConstants.RESULT_ID, "result_id"),
            new Copied(OvershootConstants.INFERENCE_LATENCY, "inference_latency_ms"),
            new Copied(OvershootConstants.TOTAL_LATENCY, "total_latency_ms"));

    private ResultExchanges() {
    }

    /** The result an exchange carries; an absent {@code CamelOvershootOk} header means success. */
    static ResultMessage toMessage(Exchange exchange, Instant receivedAt) {
        Message message = exchange.getMessage();
        Map<String, Object> metadata = new LinkedHashMap<>();
        for (Copied copied : METADATA) {
            Object value = message.getHeader(copied.header());
            if (value != null) {
                metadata.put(copied.key(), value);
            }
        }
        return new ResultMessage(message.getBody(String.class), receivedAt,
                !Boolean.FALSE.equals(message.getHeader(OvershootConstants.OK, Boolean.class)), metadata);
    }
}
