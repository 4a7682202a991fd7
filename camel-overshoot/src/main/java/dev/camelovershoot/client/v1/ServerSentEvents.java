package dev.camelovershoot.client.v1;

import java.util.Objects;
import java.util.concurrent.Flow;
import java.util.function.Consumer;

/**
 * Reads {@code text/event-stream} line by line (java.net.http's line subscriber) and hands the data of each event
 * on as soon as its closing blank line arrives: {@code data:} lines are joined with newlines, comments
 * ({@code :...}) and the other fields ({@code event}, {@code id}, {@code retry}) are skipped. Requests one line at a
 * time, so a slow consumer slows the reading instead of filling memory.
 */
final class ServerSentEvents implements Flow.Subscriber<String> {

    private final Consumer<String> events;
    private final StringBuilder data = new StringBuilder();
    private boolean hasData;
    private Flow.Subscription subscription;

    ServerSentEvents(Consumer<String> events) {
        this.events = Objects.requireNonNull(events, "events");
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(1);
    }

    @Override
    public void onNext(String line) {
        if (line.isEmpty()) {
            dispatch();
        } else if (line.startsWith("data:")) {
            String value = line.substring(5);
            data.append(hasData ? "\n" : "").append(value.startsWith(" ") ? value.substring(1) : value);
            hasData = true;
        }
        subscription.request(1);
    }

    @Override
    public void onError(Throwable error) {
        data.setLength(0);
        hasData = false;
    }

    /** An event the server did not close with a blank line before the end still counts. */
    @Override
    public void onComplete() {
        dispatch();
    }

    private void dispatch() {
        if (hasData) {
            String event = data.toString();
            data.setLength(0);
            hasData = false;
            events.accept(event);
        }
    }
}
