package dev.camelovershoot.component;

import dev.camelovershoot.client.OvershootException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * A stream the component shares by name between producers and consumers: a v0.2 {@link SharedStream} or a v1
 * {@link V1Stream}. {@link SharedStreams} counts its users and closes it after the last.
 */
abstract class NamedStream {

    /** The endpoint's stream name, with {@code /key} for a keyed stream: how logs, errors and threads name it. */
    abstract String name();

    /** Where it stands, for the health checks. */
    abstract StreamStatus status();

    /** The merged configuration it was started with, which joining endpoints must agree with. */
    abstract OvershootConfiguration configuration();

    /** Whether it takes no new users: it ended, or closeStream closed it. A new stream replaces it. */
    abstract boolean isOver();

    /**
     * Converts a frame, read from {@code body} only if the frame is wanted, and hands it to the stream's video.
     *
     * @return false when it was dropped (above the publish rate, or the video is not connected yet)
     */
    abstract boolean publish(Supplier<FrameBodies.FrameInput> body);

    /** Closes it: stops its media, deletes it on the service; completes when done. */
    abstract CompletableFuture<Void> closeAsync();

    /**
     * A session once it started; while it is still starting, waits up to requestTimeout and then fails, saying where
     * the stream stands.
     */
    final <T> CompletableFuture<T> within(CompletableFuture<T> started, StreamStatus status) {
        if (started.isDone()) {
            return started;
        }
        return started.copy().orTimeout(configuration().getRequestTimeout(), TimeUnit.MILLISECONDS)
                .exceptionallyCompose(error -> CompletableFuture.failedFuture(
                        error instanceof TimeoutException ? new OvershootException("Overshoot stream '" + name()
                                + "' is not connected: " + status.reason()) : error));
    }

    /** How a stream of an endpoint name is called: the name, or {@code name/key} for the stream of a key. */
    static String label(String name, String key) {
        return key == null ? name : name + "/" + key;
    }

    /** Starts the stream of a name, or of one key of it ({@code key} null: the name's own), with its merged configuration. */
    @FunctionalInterface
    interface Starter<S extends NamedStream> {
        S start(String name, String key, OvershootConfiguration config, OvershootComponent component);
    }
}
