package dev.camelovershoot.component;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * A consumer's hold on each keyed stream of its name: one {@link Attachment} a key (a subscription, a watch), made
 * when the key's stream opens and dropped when it closes, paused and resumed with the consumer.
 */
final class KeyedAttachments<S extends NamedStream> implements StreamFleet.Listener<S> {

    /** What the consumer does with one keyed stream. */
    interface Attachment<S> {

        /** The keyed stream it is attached to. */
        S stream();

        /** The stream opened: start taking what it tells. */
        void attach();

        /** The consumer suspends, or a newer stream of the key replaced this one: stop taking it for now. */
        void pause();

        /** The consumer resumes. */
        void resume();

        /** The stream closed, or the consumer stops: let go of it for good. */
        void detach();
    }

    private final BiFunction<String, S, Attachment<S>> attaching;
    private final Map<String, Attachment<S>> attached = new ConcurrentHashMap<>();

    /** @param attaching makes the attachment of a key's stream */
    KeyedAttachments(BiFunction<String, S, Attachment<S>> attaching) {
        this.attaching = attaching;
    }

    @Override
    public void opened(String key, S stream) {
        Attachment<S> added = attaching.apply(key, stream);
        Attachment<S> replaced = attached.put(key, added);
        if (replaced != null) {
            replaced.pause();
        }
        added.attach();
    }

    @Override
    public void closed(String key, S stream) {
        Attachment<S> removed = attached.get(key);
        if (removed != null && removed.stream() == stream && attached.remove(key, removed)) {
            removed.detach();
        }
    }

    void pauseAll() {
        attached.values().forEach(Attachment::pause);
    }

    void resumeAll() {
        attached.values().forEach(Attachment::resume);
    }

    /** At stop: detaches and forgets them all; a start attaches to the streams open then. */
    void detachAll() {
        attached.values().forEach(Attachment::detach);
        attached.clear();
    }
}
