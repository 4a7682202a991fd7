package dev.camelovershoot.testinfra.inference;

/**
 * One inference that ran, ready to become a result message.
 *
 * @param inferenceLatencyMs time spent in the backend
 * @param totalLatencyMs     time from the newest sampled frame reaching the store to the result being ready
 */
public record CompletedInference(InferenceRequest request, InferenceOutput output, double inferenceLatencyMs,
                                 double totalLatencyMs) {
}
