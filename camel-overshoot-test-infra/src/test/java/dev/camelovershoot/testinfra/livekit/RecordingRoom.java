package dev.camelovershoot.testinfra.livekit;

import dev.camelovershoot.testinfra.frames.FrameStore;
import dev.camelovershoot.testinfra.frames.I420Planes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A room listener that keeps what it is told, for assertions. */
final class RecordingRoom implements RoomListener {

    final FrameStore frames = new FrameStore(2000, 64);
    final List<String> joined = new CopyOnWriteArrayList<>();
    final List<String> left = new CopyOnWriteArrayList<>();
    private volatile long firstJoinNanos;

    @Override
    public void onFrame(I420Planes frame) {
        frames.add(frame);
    }

    @Override
    public void onParticipantJoined(String identity) {
        if (joined.isEmpty()) {
            firstJoinNanos = System.nanoTime();
        }
        joined.add(identity);
    }

    /** Time from the first join to the first decoded frame. */
    long joinToFirstFrameMillis() {
        long now = System.nanoTime();
        long firstFrame = frames.receivedBetween(now - FrameStore.RETENTION.toNanos(), now).get(0).receivedNanos();
        return (firstFrame - firstJoinNanos) / 1_000_000;
    }

    @Override
    public void onPublisherLeft(String identity) {
        left.add(identity);
    }
}
