package dev.camelovershoot.transport;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelovershoot.client.OvershootException;
import dev.camelovershoot.client.StreamEvent;
import dev.camelovershoot.client.StreamListener;
import dev.camelovershoot.client.wire.InferenceResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;

/** The colours the emulator's {@code describe} backend named, in result order, and the session's events. */
final class ColourResults implements StreamListener {

    private static final ObjectMapper JSON = new ObjectMapper();

    final List<String> colours = new CopyOnWriteArrayList<>();
    final List<StreamEvent> events = new CopyOnWriteArrayList<>();
    final List<OvershootException> errors = new CopyOnWriteArrayList<>();

    @Override
    public void onResult(InferenceResult result) {
        try {
            colours.add(JSON.readTree(result.result()).get("color").asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void onEvent(StreamEvent event) {
        events.add(event);
    }

    @Override
    public void onError(OvershootException error) {
        errors.add(error);
    }

    /** Waits until a result names {@code colour}. */
    void await(String colour) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> colours.contains(colour));
    }

    /** The named colours among {@code of}, with repeats collapsed: {@code red red blue} is {@code [red, blue]}. */
    List<String> changes(Set<String> of) {
        List<String> changes = new ArrayList<>();
        for (String colour : colours) {
            if (of.contains(colour) && (changes.isEmpty() || !changes.get(changes.size() - 1).equals(colour))) {
                changes.add(colour);
            }
        }
        return changes;
    }

    boolean saw(StreamEvent.Type type, String reason) {
        return events.stream().anyMatch(e -> e.type() == type && (reason == null || reason.equals(e.reason())));
    }
}
