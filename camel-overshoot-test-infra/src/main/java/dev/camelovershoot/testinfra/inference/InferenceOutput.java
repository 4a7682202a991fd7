package dev.camelovershoot.testinfra.inference;

/**
 * A backend's answer.
 *
 * @param text         the model output; JSON text when the stream has an output schema; {@code ""} on failure
 * @param ok           whether inference succeeded
 * @param error        why it failed, or {@code null}
 * @param finishReason {@code stop}, {@code length}, {@code content_filter} or {@code null}
 */
public record InferenceOutput(String text, boolean ok, String error, String finishReason) {

    public static InferenceOutput success(String text) {
        return new InferenceOutput(text, true, null, "stop");
    }

    public static InferenceOutput failure(String error) {
        return new InferenceOutput("", false, error, null);
    }

    /**
     * Applies a token cap the way the service does: output beyond {@code maxTokens} is cut off and the finish
     * reason becomes {@code length}. Tokens are estimated as one per {@value #CHARS_PER_TOKEN} characters.
     */
    public InferenceOutput cappedAt(int maxTokens) {
        long limit = (long) maxTokens * CHARS_PER_TOKEN;
        if (!ok || text.length() <= limit) {
            return this;
        }
        return new InferenceOutput(text.substring(0, (int) limit), true, null, "length");
    }

    /** Estimated tokens in {@code text}. */
    public static int estimateTokens(String text) {
        return (text.length() + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN;
    }

    private static final int CHARS_PER_TOKEN = 4;
}
