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

    void publish(String json) {
        if (sendRaw(json)) {
            sent.incrementAndGet();
        }
    }

    /** Sends to every socket; {@code true} if there was one. */
    boolean sendRaw(String text) {
        channels.forEach(channel -> channel.send(text));
        return !channels.isEmpty();
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
