package dev.camelovershoot.actions;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Reads an {@code overshoot:} result exchange: the body is the result text, the headers carry the rest. The header
 * names are those of the {@code overshoot:} component's {@code OvershootConstants}.
 */
final class ResultExchanges {

    static final String STREAM_ID = "CamelOvershootStreamId";
    static final String RESULT_ID = "CamelOvershootResultId";
    static final String OK = "CamelOvershootOk";
    static final String INFERENCE_LATENCY = "CamelOvershootInferenceLatency";
    static final String TOTAL_LATENCY = "CamelOvershootTotalLatency";

    /** A header copied into the metadata of the actions detected in the result. */
    private record Copied(String header, String key) {
    }

    private static final List<Copied> METADATA = List.of(
            new Copied(STREAM_ID, "stream_id"),
            new Copied(RESULT_ID, "result_id"),
            new Copied(INFERENCE_LATENCY, "inference_latency_ms"),
            new Copied(TOTAL_LATENCY, "total_latency_ms"));

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
                !Boolean.FALSE.equals(message.getHeader(OK, Boolean.class)), metadata);
    }
}
