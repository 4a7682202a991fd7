package dev.camelovershoot.testinfra.server;

import dev.camelovershoot.testinfra.inference.InferenceRequest;
import java.util.LinkedHashMap;
import java.util.Map;

/** The inference requests (and so the frames) behind a stream's most recent results, for re-inference. */
final class ResultArchive {

    static final int CAPACITY = 200;

    /** @param createdNanos {@link System#nanoTime()} when the result was sent */
    record ArchivedResult(InferenceRequest request, long createdNanos) {
    }

    private final Map<String, ArchivedResult> results = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ArchivedResult> eldest) {
            return size() > CAPACITY;
        }
    };

    synchronized void add(String resultId, InferenceRequest request) {
        results.put(resultId, new ArchivedResult(request, System.nanoTime()));
    }

    synchronized ArchivedResult find(String resultId) {
        return results.get(resultId);
    }
}
