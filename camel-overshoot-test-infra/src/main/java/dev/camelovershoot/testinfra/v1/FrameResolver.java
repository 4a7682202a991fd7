package dev.camelovershoot.testinfra.v1;

import dev.camelovershoot.testinfra.frames.EmulatorFrame;
import dev.camelovershoot.testinfra.frames.FrameStore;
import dev.camelovershoot.testinfra.v1.OvsReference.Anchor;
import dev.camelovershoot.testinfra.v1.OvsReference.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Resolves {@code ovs://} references against a stream's buffer at request time. Where the vendor's pages contradict
 * each other (docs/emulator.md): a frame not produced yet is 409 {@code frame_not_yet_produced}; a single frame older
 * than the buffer is 410 {@code frame_evicted}, while a window reaching back past the buffer is clipped to what is
 * retained.
 */
final class FrameResolver {

    private final List<EmulatorFrame> retained;
    private final long received;
    /** The live edge on the stream clock: ms since the first frame, now. */
    private final long nowMs;

    private FrameResolver(List<EmulatorFrame> retained, long received, long nowMs) {
        this.retained = retained;
        this.received = received;
        this.nowMs = nowMs;
    }

    /** A consistent view of {@code store} now. */
    static FrameResolver of(FrameStore store) {
        long now = System.nanoTime();
        List<EmulatorFrame> retained = store.retained();
        long received = store.received();
        long clock = retained.isEmpty() ? 0 : (now - retained.get(0).receivedNanos()) / 1_000_000
                + retained.get(0).timestampMs();
        return new FrameResolver(retained, received, clock);
    }

    EmulatorFrame frame(OvsReference.Frame reference) {
        if (received == 0) {
            throw notYetProduced("The stream has no frames yet");
        }
        Anchor anchor = reference.anchor();
        if (anchor.kind() == Kind.FRAME_INDEX) {
            return byIndex(indexOf(anchor.value()));
        }
        long target = timeOf(anchor);
        EmulatorFrame best = null;
        for (EmulatorFrame f : retained) {
            long delta = f.timestampMs() - target;
            boolean allowed = Math.abs(delta) <= reference.toleranceMs() && switch (reference.direction()) {
                case NEAREST -> true;
                case FORWARD -> delta >= 0;
                case BACKWARD -> delta <= 0;
            };
            if (allowed && (best == null || Math.abs(delta) < Math.abs(best.timestampMs() - target))) {
                best = f;
            }
        }
        if (best != null) {
            return best;
        }
        if (target > newest().timestampMs() && target > nowMs) {
            throw notYetProduced("No frame at stream time " + target + " ms yet (the stream is at " + nowMs + " ms)");
        }
        if (target < oldest().timestampMs() && oldest().index() > 0) {
            throw evicted("Stream time " + target + " ms is older than the retained frames (from "
                    + oldest().timestampMs() + " ms)");
        }
        throw V1Error.chat(404, "stream_error", "frame_not_found", "No frame within " + reference.toleranceMs()
                + " ms of stream time " + target + " ms");
    }

    /** The retained frames in the window, at most {@code maxFps} of them per second of stream time. */
    List<EmulatorFrame> window(OvsReference.Window reference) {
        List<EmulatorFrame> inside = new ArrayList<>();
        for (EmulatorFrame f : retained) {
            if (!before(f, reference.start()) && (reference.end() == null || before(f, reference.end()))) {
                inside.add(f);
            }
        }
        List<EmulatorFrame> sampled = new ArrayList<>();
        double spacing = 1000.0 / reference.maxFps();
        for (EmulatorFrame f : inside) {
            if (sampled.isEmpty() || f.timestampMs() - sampled.get(sampled.size() - 1).timestampMs() >= spacing) {
                sampled.add(f);
            }
        }
        if (sampled.isEmpty()) {
            throw V1Error.chat(404, "validation_error", "segment_empty", "No retained frames in the window");
        }
        return sampled;
    }

    /** Whether {@code f} comes before the point {@code anchor} names. */
    private boolean before(EmulatorFrame f, Anchor anchor) {
        return anchor.kind() == Kind.FRAME_INDEX ? f.index() < indexOf(anchor.value()) : f.timestampMs() < timeOf(anchor);
    }

    /** A lifetime index; negative ones count back from the newest frame ({@code -1} is the newest). */
    private long indexOf(double value) {
        long index = (long) value;
        return index >= 0 ? index : received + index;
    }

    /** Stream time of a time anchor: negative offsets count back from the live edge, others from the oldest frame. */
    private long timeOf(Anchor anchor) {
        long value = Math.round(anchor.value());
        if (anchor.kind() == Kind.TIMESTAMP) {
            return value;
        }
        return value < 0 ? nowMs + value : (retained.isEmpty() ? 0 : oldest().timestampMs()) + value;
    }

    private EmulatorFrame byIndex(long index) {
        if (index >= received) {
            throw notYetProduced("Frame " + index + " has not been produced yet (newest: " + (received - 1) + ")");
        }
        if (index < 0) {
            throw V1Error.chat(404, "stream_error", "frame_not_found", "The stream has only " + received + " frames");
        }
        if (retained.isEmpty() || index < oldest().index()) {
            throw evicted("Frame " + index + " was evicted (oldest retained: "
                    + (retained.isEmpty() ? "none" : oldest().index()) + ")");
        }
        return retained.get((int) (index - oldest().index()));
    }

    private EmulatorFrame oldest() {
        return retained.get(0);
    }

    private EmulatorFrame newest() {
        return retained.get(retained.size() - 1);
    }

    private static V1Error notYetProduced(String message) {
        return V1Error.chat(409, "stream_error", "frame_not_yet_produced", message);
    }

    private static V1Error evicted(String message) {
        return V1Error.chat(410, "stream_error", "frame_evicted", message);
    }
}
