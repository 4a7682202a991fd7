package dev.camelovershoot.client;

import dev.camelovershoot.client.wire.InferenceResult;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records everything a session or a results channel reports, for assertions from the test thread. */
final class Recorder implements StreamListener, ResultsChannel.Listener {

    final List<InferenceResult> results = new CopyOnWriteArrayList<>();
    final List<StreamEvent> events = new CopyOnWriteArrayList<>();
    final List<OvershootException> errors = new CopyOnWriteArrayList<>();
    final List<String> endReasons = new CopyOnWriteArrayList<>();
    final List<Boolean> opens = new CopyOnWriteArrayList<>();
    final List<String> threads = new CopyOnWriteArrayList<>();

    @Override
    public void onResult(InferenceResult result) {
        threads.add(Thread.currentThread().getName());
        results.add(result);
    }

    @Override
    public void onError(OvershootException error) {
        errors.add(error);
    }

    @Override
    public void onEvent(StreamEvent event) {
        events.add(event);
    }

    @Override
    public void onOpen(boolean afterDrop) {
        opens.add(afterDrop);
    }

    @Override
    public void onStreamEnded(String reason) {
        endReasons.add(reason);
    }

    @Override
    public void onFailed(WebSocketException error) {
        errors.add(error);
    }

    @Override
    public void onReconnecting(int attempt, Duration delay, String cause) {
        events.add(StreamEvent.reconnecting(null, attempt, cause));
    }

    List<String> texts() {
        return results.stream().map(InferenceResult::result).toList();
    }

    List<StreamEvent.Type> eventTypes() {
        return events.stream().map(StreamEvent::type).toList();
    }

    boolean has(StreamEvent.Type type) {
        return events.stream().anyMatch(event -> event.type() == type);
    }

    StreamEvent first(StreamEvent.Type type) {
        return events.stream().filter(event -> event.type() == type).findFirst().orElseThrow();
    }
}
