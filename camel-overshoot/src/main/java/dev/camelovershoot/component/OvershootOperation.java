package dev.camelovershoot.component;

/** What an {@code overshoot:} producer does with an exchange (Camel-style option values). */
public enum OvershootOperation {
    /** The body is a video frame to send to the stream. */
    publishFrame,
    /** The body is the new prompt; it applies from the next inference on. */
    updatePrompt,
    /** The body becomes the service's {@code List<ModelInfo>}. */
    listModels,
    /** Runs the body (a prompt) on the clip behind the result named by header {@code CamelOvershootResultId}. */
    reinfer,
    /** Closes the stream now: it is deleted on the service and its consumers receive the end. */
    closeStream;

    /** Whether the operation acts on the endpoint's stream (all but listModels). */
    boolean needsStream() {
        return this != listModels;
    }
}
