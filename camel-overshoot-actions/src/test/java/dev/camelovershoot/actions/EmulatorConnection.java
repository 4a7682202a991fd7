package dev.camelovershoot.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.camelovershoot.component.OvershootComponent;
import dev.camelovershoot.component.OvershootConfiguration;
import dev.camelovershoot.testinfra.OvershootEmulator;
import dev.camelovershoot.testinfra.StreamSnapshot;
import dev.camelovershoot.testinfra.frames.TestImages;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.camel.CamelContext;

/**
 * Points {@code overshoot:} endpoints at a test's emulator (per analysis, or as the component's defaults) and finds
 * the streams they created there.
 */
final class EmulatorConnection {

    static final String MODEL = OvershootEmulator.DEFAULT_MODELS.get(0).model();
    private static final Duration WAIT = Duration.ofSeconds(20);

    private EmulatorConnection() {
    }

    /** An analyzer whose stream connects to the emulator with its first API key. */
    static VideoAnalyzer analyzer(CamelContext context, ActionDetector detector, OvershootEmulator emulator) {
        return new VideoAnalyzer(context, detector)
                .option("apiUrl", emulator.baseUrl())
                .option("apiKey", emulator.apiKey())
                .option("model", MODEL);
    }

    /** Makes the emulator the {@code overshoot} component's default service; returns the context. */
    static CamelContext byDefault(CamelContext context, OvershootEmulator emulator) {
        OvershootConfiguration defaults = context.getComponent("overshoot", OvershootComponent.class)
                .getConfiguration();
        defaults.setApiUrl(emulator.baseUrl());
        defaults.setApiKey(emulator.apiKey());
        defaults.setModel(MODEL);
        return context;
    }

    /** The ids of the emulator's streams so far, ended ones included. */
    static Set<String> streamIds(OvershootEmulator emulator) {
        return emulator.streams().stream().map(StreamSnapshot::id).collect(Collectors.toSet());
    }

    /** The one stream created since the emulator had the streams {@code before}. */
    static StreamSnapshot streamSince(OvershootEmulator emulator, Set<String> before) {
        List<StreamSnapshot> created = emulator.streams().stream().filter(s -> !before.contains(s.id())).toList();
        assertThat(created).hasSize(1);
        return created.get(0);
    }

    /**
     * Video for a stream without a source: once the emulator's only running stream has its results socket open, hands
     * it one frame, which the emulator samples every interval for as long as its {@code idleAfter}.
     *
     * @return the stream's id
     */
    static String feedOneFrame(OvershootEmulator emulator) {
        await().atMost(WAIT).until(() -> running(emulator).size() == 1 && running(emulator).get(0).resultSockets() > 0);
        String id = running(emulator).get(0).id();
        emulator.injectFrame(id, TestImages.solid(64, 48, "red"));
        return id;
    }

    private static List<StreamSnapshot> running(OvershootEmulator emulator) {
        return emulator.streams().stream().filter(s -> !s.ended()).toList();
    }
}
