package dev.camelovershoot.component;

import dev.camelovershoot.client.StreamEvent;
import dev.camelovershoot.client.wire.InferenceResult;
import org.apache.camel.Message;

/** Puts an inference result or a lifecycle event into a consumer's message. */
final class ResultExchanges {

    private ResultExchanges() {
    }

    /** A result or event of a keyed stream, with its key. */
    record Keyed(String key, Object item) {
    }

    /** The item as a consumer queues it: marked with the key of its stream, when it has one. */
    static Object keyed(String key, Object item) {
        return key == null ? item : new Keyed(key, item);
    }

    static void fill(Message message, Object item) {
        if (item instanceof Keyed keyed) {
            message.setHeader(OvershootConstants.STREAM_KEY, keyed.key());
            fill(message, keyed.item());
        } else if (item instanceof InferenceResult result) {
            fill(message, result);
        } else {
            fill(message, (StreamEvent) item);
        }
    }

    /** The body is the model's text, so {@code log("${body}")} shows what the model said. */
    private static void fill(Message message, InferenceResult result) {
        message.setBody(result.result());
        message.setHeader(OvershootConstants.STREAM_ID, result.streamId());
        message.setHeader(OvershootConstants.RESULT_ID, result.id());
        message.setHeader(OvershootConstants.MODE, result.mode());
        message.setHeader(OvershootConstants.MODEL, result.modelName());
        message.setHeader(OvershootConstants.PROMPT, result.prompt());
        message.setHeader(OvershootConstants.OK, result.ok());
        message.setHeader(OvershootConstants.ERROR, result.error());
        message.setHeader(OvershootConstants.FINISH_REASON, result.finishReason());
        message.setHeader(OvershootConstants.INFERENCE_LATENCY, result.inferenceLatencyMs());
        message.setHeader(OvershootConstants.TOTAL_LATENCY, result.totalLatencyMs());
    }

    private static void fill(Message message, StreamEvent event) {
        message.setBody(null);
        message.setHeader(OvershootConstants.STREAM_ID, event.streamId());
        message.setHeader(OvershootConstants.EVENT_TYPE, event.type().name());
        message.setHeader(OvershootConstants.EVENT_REASON, event.reason());
    }
}
