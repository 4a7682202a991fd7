package dev.camelovershoot.testinfra.server;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** The results sockets of one stream: every result goes to all of them; none are buffered for later sockets. */
final class ResultFanout {

    private final Set<ResultChannel> channels = ConcurrentHashMap.newKeySet();
    private final AtomicInteger sent = new AtomicInteger();

    void add(ResultChannel channel) {
        channels.add(channel);
    }

    void remove(ResultChannel channel) {
        channels.remove(channel);
    }

    int size() {
        return channels.size();
    }

    /** Results that reached at least one socket. */
    int sent() {
        return sent.get();
    }

    /**
     * Counted before sending, so a client that has the result also sees it counted.
     *
     * @return whether at least one socket was given the result
     */
    boolean publish(String json) {
        List<ResultChannel> targets = List.copyOf(channels);
        if (!targets.isEmpty()) {
            sent.incrementAndGet();
        }
        targets.forEach(channel -> channel.send(json));
        return !targets.isEmpty();
    }

    void sendRaw(String text) {
        channels.forEach(channel -> channel.send(text));
    }

    void closeAll(int code, String reason) {
        removeAll(channel -> channel.close(code, reason));
    }

    void dropAll() {
        removeAll(ResultChannel::drop);
    }

    private void removeAll(Consumer<ResultChannel> action) {
        List<ResultChannel> all = List.copyOf(channels);
        channels.removeAll(all);
        all.forEach(action);
    }
}
