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

    @Override
    public void onFrame(I420Planes frame) {
        frames.add(frame);
    }

    @Override
    public void onParticipantJoined(String identity) {
        joined.add(identity);
    }

    @Override
    public void onPublisherLeft(String identity) {
        left.add(identity);
    }
}
