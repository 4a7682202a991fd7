package dev.camelovershoot.component;

import dev.camelovershoot.client.v1.ChatCompletion;
import dev.camelovershoot.client.v1.OvsReference;
import dev.camelovershoot.client.v1.Usage;
import dev.camelovershoot.client.v1.WatchAnswer;
import java.time.Duration;
import org.apache.camel.Message;

/**
 * Puts a v1 answer into a message: the answer's text as the body, and the headers of v0.2 results where they apply
 * (stream id, result id, model, prompt, ok, finish reason, latencies, mode), so routes written for v0.2 results read
 * v1 answers unchanged; plus the reference asked about and camel-openai's token usage vocabulary.
 */
final class V1Answers {

    private V1Answers() {
    }

    /** An answer of the consumer's watch loop. */
    static void fill(Message message, WatchAnswer answer, String question) {
        fill(message, answer.completion(), answer.reference(), question);
        double millis = millis(answer.latency());
        message.setHeader(OvershootConstants.INFERENCE_LATENCY, millis);
        message.setHeader(OvershootConstants.TOTAL_LATENCY, millis);
    }

    /** An answer to the ask operation. */
    static void fill(Message message, ChatCompletion completion, OvsReference about, String question) {
        message.setBody(completion.content());
        message.setHeader(OvershootConstants.STREAM_ID, about.streamId());
        message.setHeader(OvershootConstants.RESULT_ID, completion.id());
        message.setHeader(OvershootConstants.MODE, about.window() ? "clip" : "frame");
        message.setHeader(OvershootConstants.MODEL, completion.model());
        message.setHeader(OvershootConstants.PROMPT, question);
        message.setHeader(OvershootConstants.OK, true);
        message.setHeader(OvershootConstants.FINISH_REASON, completion.finishReason());
        message.setHeader(OvershootConstants.REFERENCE, about.uri());
        Usage usage = completion.usage();
        if (usage != null) {
            message.setHeader(OvershootConstants.PROMPT_TOKENS, usage.promptTokens());
            message.setHeader(OvershootConstants.COMPLETION_TOKENS, usage.completionTokens());
            message.setHeader(OvershootConstants.TOTAL_TOKENS, usage.totalTokens());
        }
    }

    private static double millis(Duration duration) {
        return duration.toNanos() / 1_000_000.0;
    }
}
