package dev.camelovershoot.media;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** A sink that samples each frame (then closes it) and keeps the end for assertions. */
final class RecordingSink implements FrameSink {

    /** What a test checks of a delivered frame. */
    record Delivered(String colour, int width, int height, long timestampNanos, long arrivedNanos) {
    }

    final List<Delivered> frames = new CopyOnWriteArrayList<>();
    final CompletableFuture<SourceEnd> end = new CompletableFuture<>();
    private final Consumer<I420Frame> onEach;

    RecordingSink() {
        this(frame -> { });
    }

    /** {@code onEach} runs for each frame after it was recorded, before it is closed. */
    RecordingSink(Consumer<I420Frame> onEach) {
        this.onEach = onEach;
    }

    @Override
    public void onFrame(I420Frame frame) {
        try (frame) {
            frames.add(new Delivered(FrameColours.colour(frame), frame.width(), frame.height(), frame.timestampNanos(),
                    System.nanoTime()));
            onEach.accept(frame);
        }
    }

    @Override
    public void onEnded(SourceEnd sourceEnd) {
        end.complete(sourceEnd);
    }

    List<String> colours() {
        return frames.stream().map(Delivered::colour).toList();
    }

    List<Long> timestamps() {
        return frames.stream().map(Delivered::timestampNanos).toList();
    }
}
