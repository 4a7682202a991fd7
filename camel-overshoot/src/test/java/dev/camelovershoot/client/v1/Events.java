package dev.camelovershoot.client.v1;

import dev.camelovershoot.client.OvershootException;
import dev.camelovershoot.client.StreamEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records a session's events and errors, and the threads they came on. */
final class Events implements SessionListener {

    final List<StreamEvent> events = new CopyOnWriteArrayList<>();
    final List<OvershootException> errors = new CopyOnWriteArrayList<>();
    final List<String> threads = new CopyOnWriteArrayList<>();

    @Override
    public void onEvent(StreamEvent event) {
        threads.add(Thread.currentThread().getName());
        events.add(event);
    }

    @Override
    public void onError(OvershootException error) {
        errors.add(error);
    }

    List<StreamEvent.Type> types() {
        return events.stream().map(StreamEvent::type).toList();
    }
}
