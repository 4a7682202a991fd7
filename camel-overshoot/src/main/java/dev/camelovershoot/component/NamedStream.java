package dev.camelovershoot.component;

import java.util.concurrent.CompletableFuture;

/**
 * A stream the component shares by name between producers and consumers: a v0.2 {@link SharedStream} or a v1
 * {@link V1Stream}. {@link SharedStreams} counts its users and closes it after the last.
 */
abstract class NamedStream {

    abstract String name();

    /** The merged configuration it was started with, which joining endpoints must agree with. */
    abstract OvershootConfiguration configuration();

    /** Whether it takes no new users: it ended, or closeStream closed it. A new stream replaces it. */
    abstract boolean isOver();

    /** Closes it: stops its media, deletes it on the service; completes when done. */
    abstract CompletableFuture<Void> closeAsync();

    /** Starts a stream of a name with its merged configuration. */
    @FunctionalInterface
    interface Starter<S extends NamedStream> {
        S start(String name, OvershootConfiguration config, OvershootComponent component);
    }
}
