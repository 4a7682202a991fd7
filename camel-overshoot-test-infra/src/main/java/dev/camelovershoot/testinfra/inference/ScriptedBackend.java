package dev.camelovershoot.testinfra.inference;

import java.util.concurrent.ConcurrentLinkedQueue;

/** Returns exactly the outputs a test enqueued, one per inference; with nothing queued, no result is produced. */
public final class ScriptedBackend implements InferenceBackend {

    private final ConcurrentLinkedQueue<InferenceOutput> queue = new ConcurrentLinkedQueue<>();

    /** Queues a successful output with this text. */
    public ScriptedBackend enqueue(String text) {
        return enqueue(InferenceOutput.success(text));
    }

    public ScriptedBackend enqueue(InferenceOutput output) {
        queue.add(output);
        return this;
    }

    /** Forgets every queued output. */
    public void clear() {
        queue.clear();
    }

    /** Outputs queued and not yet used. */
    public int pending() {
        return queue.size();
    }

    @Override
    public InferenceOutput infer(InferenceRequest request) {
        return queue.poll();
    }
}
