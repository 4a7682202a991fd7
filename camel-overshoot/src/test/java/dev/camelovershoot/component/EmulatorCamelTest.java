package dev.camelovershoot.component;

import static org.awaitility.Awaitility.await;

import dev.camelovershoot.testinfra.OvershootEmulator;
import dev.camelovershoot.testinfra.StreamSnapshot;
import dev.camelovershoot.testinfra.frames.TestImages;
import java.time.Duration;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;

/**
 * A CamelContext whose overshoot component points at the test class's emulator, with component-level defaults for
 * apiUrl, apiKey and model, and quick reconnects. Video comes from a camera route over WebRTC, or from a frame
 * injector that hands frames straight to the emulator's running streams.
 */
abstract class EmulatorCamelTest extends CamelTestSupport {

    static final String MODEL = OvershootEmulator.DEFAULT_MODELS.get(0).model();
    static final Duration WAIT = Duration.ofSeconds(15);

    final OvershootEmulator emulator;
    final FrameInjector injector;

    EmulatorCamelTest(OvershootEmulator emulator) {
        this.emulator = emulator;
        this.injector = new FrameInjector(emulator);
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        return pointAtEmulator(super.createCamelContext());
    }

    /** Sets the overshoot component's defaults to the emulator; returns the context. */
    CamelContext pointAtEmulator(CamelContext context) {
        OvershootConfiguration defaults = context.getComponent("overshoot", OvershootComponent.class).getConfiguration();
        defaults.setApiUrl(emulator.baseUrl());
        defaults.setApiKey(emulator.apiKey());
        defaults.setModel(MODEL);
        defaults.setReconnectDelay(100);
        defaults.setReconnectMaxDelay(400);
        return context;
    }

    @AfterEach
    void stopInjecting() {
        injector.close();
    }

    /** Adds a route "camera" publishing a red frame to the endpoint every 100 ms: video over real WebRTC. */
    void startCamera(String uri) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("timer:camera?period=100").routeId("camera")
                        .setBody(exchange -> TestImages.solid(160, 120, "red"))
                        .to(uri);
            }
        });
    }

    /** The one stream of the emulator that has not ended, once it exists. */
    String activeStream() {
        await().atMost(WAIT).until(() -> active().size() == 1);
        return active().get(0).id();
    }

    /** Waits until the stream's results socket is open, so that no result is missed. */
    String connectedStream() {
        String id = activeStream();
        await().atMost(WAIT).until(() -> snapshot(id).resultSockets() > 0);
        return id;
    }

    StreamSnapshot snapshot(String id) {
        return emulator.stream(id).orElseThrow();
    }

    long requests(String method, String path) {
        return emulator.requests().stream().filter(r -> r.method().equals(method) && r.path().equals(path)).count();
    }

    private List<StreamSnapshot> active() {
        return emulator.streams().stream().filter(s -> !s.ended()).toList();
    }
}
