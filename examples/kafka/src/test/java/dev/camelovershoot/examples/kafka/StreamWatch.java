package dev.camelovershoot.examples.kafka;

import dev.camelovershoot.testinfra.EmulatorObserver;
import dev.camelovershoot.testinfra.OvershootEmulator;
import dev.camelovershoot.testinfra.StreamSnapshot;
import dev.camelovershoot.testinfra.frames.EmulatorFrame;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Which camera each emulator stream serves (read from the first frame it stored) and, sampled every
 * {@value #SAMPLE_MS} ms from the emulator's stream snapshots, how long any camera had more than one stream open
 * (not ended) at once. A stream counts from its first stored frame, so the few hundred milliseconds between a
 * stream's creation and its first frame are not seen.
 */
final class StreamWatch implements EmulatorObserver, AutoCloseable {

    private static final long SAMPLE_MS = 100;

    private final Map<String, Integer> cameraOfStream = new ConcurrentHashMap<>();
    private final Set<CameraFrames.Mark> stored = ConcurrentHashMap.newKeySet();
    private final Map<Integer, Long> overlapSince = new HashMap<>();
    private final Map<Integer, Long> longestOverlapNanos = new HashMap<>();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "stream-watch");
        thread.setDaemon(true);
        return thread;
    });

    @Override
    public void frameStored(String streamId, EmulatorFrame frame) {
        CameraFrames.Mark mark = CameraFrames.read(frame);
        stored.add(mark);
        cameraOfStream.putIfAbsent(streamId, mark.camera());
    }

    /** Whether the frame reached the emulator (over WebRTC, decoded) in any stream. */
    boolean reached(int camera, int seq) {
        return stored.contains(new CameraFrames.Mark(camera, seq));
    }

    void start(OvershootEmulator emulator) {
        sampler.scheduleAtFixedRate(() -> sample(emulator.streams()), 0, SAMPLE_MS, TimeUnit.MILLISECONDS);
    }

    /** The camera of a stream, if it stored a frame. */
    Integer camera(String streamId) {
        return cameraOfStream.get(streamId);
    }

    /** The longest time any camera had two or more open streams, up to now. */
    synchronized Duration longestOverlap() {
        long now = System.nanoTime();
        long longest = longestOverlapNanos.values().stream().mapToLong(Long::longValue).max().orElse(0);
        for (long since : overlapSince.values()) {
            longest = Math.max(longest, now - since);
        }
        return Duration.ofNanos(longest);
    }

    private synchronized void sample(List<StreamSnapshot> streams) {
        long now = System.nanoTime();
        Map<Integer, Integer> open = new HashMap<>();
        for (StreamSnapshot stream : streams) {
            Integer camera = cameraOfStream.get(stream.id());
            if (!stream.ended() && camera != null) {
                open.merge(camera, 1, Integer::sum);
            }
        }
        for (Map.Entry<Integer, Integer> entry : open.entrySet()) {
            if (entry.getValue() > 1) {
                overlapSince.putIfAbsent(entry.getKey(), now);
            }
        }
        overlapSince.entrySet().removeIf(entry -> {
            if (open.getOrDefault(entry.getKey(), 0) > 1) {
                return false;
            }
            longestOverlapNanos.merge(entry.getKey(), now - entry.getValue(), Math::max);
            return true;
        });
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
