package dev.camelovershoot.testinfra.frames;

import static org.awaitility.Awaitility.await;

import dev.camelovershoot.testinfra.inference.FrameFacts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Colour assertions on stored frames, named by the {@code describe} backend's facts. */
public final class FrameColours {

    private FrameColours() {
    }

    public static String colourOf(EmulatorFrame frame) {
        return FrameFacts.of(List.of(frame)).color();
    }

    /** Waits until the newest frame in {@code store} has {@code colour}. */
    public static void awaitColour(FrameStore store, String colour, Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(50))
                .until(() -> store.latest().map(f -> colourOf(f).equals(colour)).orElse(false));
    }

    /** The colours of the retained frames in arrival order, consecutive repeats collapsed. */
    public static List<String> coloursInOrder(FrameStore store) {
        List<String> colours = new ArrayList<>();
        long now = System.nanoTime();
        for (EmulatorFrame f : store.receivedBetween(now - FrameStore.RETENTION.toNanos(), now)) {
            String c = colourOf(f);
            if (colours.isEmpty() || !colours.get(colours.size() - 1).equals(c)) {
                colours.add(c);
            }
        }
        return colours;
    }
}
