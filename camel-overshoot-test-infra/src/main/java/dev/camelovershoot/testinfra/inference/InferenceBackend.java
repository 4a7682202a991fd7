package dev.camelovershoot.testinfra.inference;

/**
 * Turns sampled frames into a model answer. This is the emulator's stand-in for the model; it is unrelated to the
 * {@code inference.backend} request field ({@code overshoot} | {@code gemini}), which the emulator only echoes.
 */
public interface InferenceBackend {

    /**
     * Runs one inference. Called from the stream's inference thread, never concurrently for one stream.
     *
     * @return the answer, or {@code null} to produce no result this time (a scripted backend with nothing queued)
     * @throws Exception on failure; the emulator reports it as a result with {@code ok=false}
     */
    InferenceOutput infer(InferenceRequest request) throws Exception;
}
