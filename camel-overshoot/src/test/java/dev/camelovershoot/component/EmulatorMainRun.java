package dev.camelovershoot.component;

import dev.camelovershoot.testinfra.OvershootEmulator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;

/** Runs a camel-main application whose {@code overshoot:} component is pointed at the emulator, for example tests. */
public final class EmulatorMainRun {

    private EmulatorMainRun() {
    }

    /** {@link #seesResult(Main, OvershootEmulator, Map, String, String, Duration)} with the property {@code video}. */
    public static boolean seesResult(Main main, OvershootEmulator emulator, Path video, String routeId, String text,
                                     Duration timeout) throws Exception {
        return seesResult(main, emulator, Map.of("video", video.toUri().toString()), routeId, text, timeout);
    }

    /**
     * Starts {@code main} with the emulator's URL, key and first model and the given properties, and tells
     * whether route {@code routeId} finished an exchange whose body contains {@code text} within {@code timeout}.
     */
    public static boolean seesResult(Main main, OvershootEmulator emulator, Map<String, String> properties,
                                     String routeId, String text, Duration timeout) throws Exception {
        main.addOverrideProperty("camel.component.overshoot.api-url", emulator.baseUrl());
        main.addOverrideProperty("camel.component.overshoot.api-key", emulator.apiKey());
        main.addOverrideProperty("camel.component.overshoot.model", OvershootEmulator.DEFAULT_MODELS.get(0).model());
        properties.forEach(main::addOverrideProperty);
        NotifyBuilder[] seen = new NotifyBuilder[1];
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterConfigure(BaseMainSupport configured) {
                seen[0] = new NotifyBuilder(configured.getCamelContext()).fromRoute(routeId)
                        .whenAnyDoneMatches(e -> e.getMessage().getBody(String.class).contains(text))
                        .create();
            }
        });
        main.start();
        try {
            return seen[0].matches(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            main.stop();
        }
    }
}
