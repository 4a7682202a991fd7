package dev.camelovershoot.reliability;

import dev.camelovershoot.component.OvershootComponent;
import dev.camelovershoot.component.OvershootConfiguration;
import dev.camelovershoot.component.OvershootConstants;
import dev.camelovershoot.testinfra.OvershootEmulator;
import dev.camelovershoot.testinfra.frames.TestImages;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.ImageIO;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The route a user writes: a camera route sending JPEG frames to {@code overshoot:NAME} at a frame rate, and a route
 * consuming {@code overshoot:NAME}, with {@code recreateOnStreamLoss=true}; plus {@code direct:frames} into the same
 * producer for the fuzz. It records every result received, by id, with its arrival time.
 */
final class RouteUnderTest implements AutoCloseable {

    static final String STREAM = "door";
    static final String MODEL = OvershootEmulator.DEFAULT_MODELS.get(0).model();

    /** A result the route received, and when ({@link System#nanoTime()}). */
    record Received(String streamId, String resultId, long nanos) {
    }

    private final CamelContext context = new DefaultCamelContext();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Set<String> receivedIds = ConcurrentHashMap.newKeySet();
    private final AtomicLong framesRefused = new AtomicLong();

    /**
     * @param apiUrl   the service's REST base URL (the fault proxy)
     * @param settings the component's reconnect and timeout settings of the profile
     */
    RouteUnderTest(String apiUrl, String apiKey, Profile settings, int width, int height, int fps) throws Exception {
        OvershootConfiguration defaults = context.getComponent("overshoot", OvershootComponent.class)
                .getConfiguration();
        defaults.setApiUrl(apiUrl);
        defaults.setApiKey(apiKey);
        defaults.setModel(MODEL);
        defaults.setReconnectDelay(settings.reconnectDelayMillis());
        defaults.setReconnectMaxDelay(settings.reconnectMaxDelayMillis());
        defaults.setRequestTimeout(settings.requestTimeoutMillis());
        byte[] frame = jpeg(width, height);
        String uri = "overshoot:" + STREAM + "?recreateOnStreamLoss=true";
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // A frame refused while the stream is gone is counted, not logged 15 times a second.
                from("timer:camera?period=" + Math.max(1, 1000 / fps)).routeId("camera")
                        .onException(Exception.class).handled(true).process(e -> framesRefused.incrementAndGet()).end()
                        .setBody(constant(frame)).to(uri);
                // The fuzz fails thousands of exchanges on purpose: their exceptions are asserted, not logged.
                from("direct:frames").routeId("frames").errorHandler(noErrorHandler()).to(uri);
                from(uri).routeId("results").process(RouteUnderTest.this::record);
            }
        });
    }

    RouteUnderTest start() {
        context.start();
        return this;
    }

    CamelContext context() {
        return context;
    }

    ProducerTemplate template() {
        return context.createProducerTemplate();
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    /** Camera frames the producer refused with an exception (a stream that ended for good refuses them all). */
    long framesRefused() {
        return framesRefused.get();
    }

    boolean receivedId(String resultId) {
        return receivedIds.contains(resultId);
    }

    /** The first result received at or after {@code nanos}, if any. */
    Received firstReceivedSince(long nanos) {
        for (Received r : received) {
            if (r.nanos() >= nanos) {
                return r;
            }
        }
        return null;
    }

    /** Stops and starts the camera and results routes: what an operator does when a route gave up. */
    void restartRoutes() throws Exception {
        restartRoutes(() -> { });
    }

    /** Stops the routes, runs {@code meanwhile} (the stream is released by then), and starts them again. */
    void restartRoutes(Runnable meanwhile) throws Exception {
        for (String id : List.of("camera", "frames", "results")) {
            context.getRouteController().stopRoute(id);
        }
        meanwhile.run();
        for (String id : List.of("results", "frames", "camera")) {
            context.getRouteController().startRoute(id);
        }
    }

    @Override
    public void close() {
        context.stop();
    }

    private void record(Exchange exchange) {
        String id = exchange.getMessage().getHeader(OvershootConstants.RESULT_ID, String.class);
        if (id != null) {
            received.add(new Received(exchange.getMessage().getHeader(OvershootConstants.STREAM_ID, String.class), id,
                    System.nanoTime()));
            receivedIds.add(id);
        }
    }

    static byte[] jpeg(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(TestImages.solid(width, height, "green"), "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
