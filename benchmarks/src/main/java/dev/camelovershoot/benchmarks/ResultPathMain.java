package dev.camelovershoot.benchmarks;

import dev.camelovershoot.client.OvershootClient;
import dev.camelovershoot.client.StreamListener;
import dev.camelovershoot.client.StreamSession;
import dev.camelovershoot.client.wire.Inference;
import dev.camelovershoot.client.wire.InferenceResult;
import dev.camelovershoot.client.wire.Processing;
import dev.camelovershoot.client.wire.StreamRequest;
import dev.camelovershoot.component.OvershootConstants;
import dev.camelovershoot.testinfra.EmulatorObserver;
import dev.camelovershoot.testinfra.OvershootEmulator;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The results path alone, with no video and one JVM: the emulator's send time to the moment a result reaches (1) a
 * bare JDK WebSocket listener (the floor: Jetty, loopback TCP, {@code java.net.http}), (2) a {@link StreamSession}
 * listener (adds parsing; the listener runs on the socket's thread unless a call is pending) and (3) an
 * {@code overshoot:} consumer route (adds the consumer's queue and thread, and the exchange). Frames are injected into the emulator ten times a second, results
 * asked for every 0.1 s. Argument: seconds per level (default 20). Prints {@code name value unit} lines.
 */
public final class ResultPathMain {

    private static final Pattern RESULT_ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final double INTERVAL_SECONDS = 0.1;
    private static final long WARMUP_NANOS = TimeUnit.SECONDS.toNanos(3);

    private final Map<String, Long> sent = new ConcurrentHashMap<>();
    private final OvershootEmulator emulator;
    private final long seconds;

    private ResultPathMain(long seconds) {
        this.seconds = seconds;
        this.emulator = OvershootEmulator.builder().observer(new EmulatorObserver() {
            @Override
            public void resultSent(String streamId, String resultId, long sentNanos) {
                sent.put(resultId, sentNanos);
            }
        }).build().start();
    }

    public static void main(String[] args) throws Exception {
        ResultPathMain main = new ResultPathMain(args.length > 0 ? Long.parseLong(args[0]) : 20);
        try {
            main.report("result_path_jdk_websocket", main.jdkWebSocket());
            main.report("result_path_stream_session", main.streamSession());
            main.report("result_path_camel_consumer", main.camelConsumer());
        } finally {
            main.emulator.close();
        }
        System.exit(0);
    }

    private Map<String, Long> jdkWebSocket() throws Exception {
        Map<String, Long> received = new ConcurrentHashMap<>();
        OvershootClient client = client();
        // created over REST only: no session, so this socket is the stream's only results socket
        String streamId = client.createStream(request()).streamId();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create(emulator.resultsUrl(streamId)), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                        long now = System.nanoTime();
                        Matcher id = RESULT_ID.matcher(data);
                        if (id.find()) {
                            received.put(id.group(1), now);
                        }
                        ws.request(1);
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
        socket.sendText("{\"api_key\":\"" + emulator.apiKey() + "\"}", true).get(10, TimeUnit.SECONDS);
        feed(streamId);
        socket.abort();
        client.deleteStream(streamId);
        return received;
    }

    private Map<String, Long> streamSession() throws Exception {
        Map<String, Long> received = new ConcurrentHashMap<>();
        StreamListener listener = new StreamListener() {
            @Override
            public void onResult(InferenceResult result) {
                received.put(result.id(), System.nanoTime());
            }
        };
        try (StreamSession session = StreamSession.builder(client(), request()).listener(listener).start()) {
            feed(session.streamId());
        }
        return received;
    }

    private Map<String, Long> camelConsumer() throws Exception {
        Map<String, Long> received = new ConcurrentHashMap<>();
        String uri = "overshoot:results?apiUrl=RAW(" + emulator.baseUrl() + ")&apiKey=RAW(" + emulator.apiKey()
                + ")&model=" + model() + "&intervalSeconds=" + INTERVAL_SECONDS;
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(uri).process(e -> received.put(
                            e.getMessage().getHeader(OvershootConstants.RESULT_ID, String.class), System.nanoTime()));
                }
            });
            camel.start();
            feed(awaitNewStream());
        }
        return received;
    }

    /** Injects frames for the warm-up and the window; results of the warm-up are left out later. */
    private void feed(String streamId) throws InterruptedException {
        BufferedImage frame = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        long end = System.nanoTime() + WARMUP_NANOS + TimeUnit.SECONDS.toNanos(seconds);
        sent.clear();
        while (System.nanoTime() - end < 0) {
            emulator.injectFrame(streamId, frame);
            Thread.sleep(100);
        }
    }

    private String awaitNewStream() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() - deadline < 0) {
            List<String> active = emulator.streams().stream().filter(s -> !s.ended()).map(s -> s.id()).toList();
            if (!active.isEmpty()) {
                return active.get(0);
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("the overshoot: consumer created no stream within 30 s");
    }

    private void report(String name, Map<String, Long> received) {
        long windowStart = sent.values().stream().mapToLong(Long::longValue).min().orElse(0) + WARMUP_NANOS;
        List<Double> latencies = received.entrySet().stream()
                .filter(e -> sent.containsKey(e.getKey()) && sent.get(e.getKey()) - windowStart >= 0)
                .map(e -> (e.getValue() - sent.get(e.getKey())) / 1e6).toList();
        Samples samples = new Samples(latencies);
        Consumer<Figure> print = f -> System.out.println(f.line());
        print.accept(new Figure(name + "_p50_ms", samples.percentile(50), "ms"));
        print.accept(new Figure(name + "_p99_ms", samples.percentile(99), "ms"));
        print.accept(new Figure(name + "_samples", samples.count(), "results"));
    }

    private OvershootClient client() {
        return OvershootClient.builder().baseUrl(emulator.baseUrl()).apiKey(emulator.apiKey()).build();
    }

    private static StreamRequest request() {
        return StreamRequest.of(Processing.frame(INTERVAL_SECONDS), Inference.of("results path", model()));
    }

    private static String model() {
        return OvershootEmulator.DEFAULT_MODELS.get(0).model();
    }
}
