package dev.camelovershoot.actions;

import dev.camelovershoot.testinfra.inference.InferenceBackend;
import dev.camelovershoot.testinfra.inference.InferenceOutput;
import dev.camelovershoot.testinfra.inference.InferenceRequest;
import dev.camelovershoot.testinfra.inference.ScriptedBackend;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The emulator's model for exact results: answers what a test queued in {@link #script()}, one text per inference
 * and none once the queue is empty, and remembers what it was last asked, so a test sees the prompt and output schema
 * that reached the service.
 */
final class ScriptedModel implements InferenceBackend {

    private final ScriptedBackend script = new ScriptedBackend();
    private final AtomicReference<InferenceRequest> lastAsked = new AtomicReference<>();

    ScriptedBackend script() {
        return script;
    }

    /** The last inference request, or null before the first. */
    InferenceRequest lastAsked() {
        return lastAsked.get();
    }

    /** Forgets the queued texts and the last request. */
    void reset() {
        script.clear();
        lastAsked.set(null);
    }

    @Override
    public InferenceOutput infer(InferenceRequest request) {
        lastAsked.set(request);
        return script.infer(request);
    }
}
