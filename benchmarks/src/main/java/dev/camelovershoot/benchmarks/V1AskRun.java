package dev.camelovershoot.benchmarks;

import dev.camelovershoot.client.Json;
import dev.camelovershoot.client.v1.ChatCompletion;
import dev.camelovershoot.client.v1.ChatRequest;
import dev.camelovershoot.client.v1.OvsReference;
import dev.camelovershoot.client.v1.V1Client;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The v1 client's overhead on an ask: {@code V1Client.chat} with an {@code ovs://} image part against a bare
 * {@code java.net.http} POST of the same JSON to the same emulator. Each has its own {@link HttpClient}, built as
 * the v1 client builds its default one. The two alternate in blocks of {@value #BLOCK} calls, one request at a time,
 * so that the client JVM's CPU (from {@code /proc}) can be told apart per kind and neither kind gets the quieter
 * moments. The first blocks warm up (JIT, connections) and are not measured.
 */
final class V1AskRun {

    static final String MODEL = "Qwen/Qwen3.6-35B-A3B-FP8";
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** Calls of one kind in a row: long enough (~100 ms) for the 10 ms resolution of the CPU clock. */
    static final int BLOCK = 25;

    private V1AskRun() {
    }

    static AskOverhead run(ProbeProcess probe, Settings settings) throws Exception {
        V1Client v1 = V1Client.builder().baseUrl(probe.v1BaseUrl()).apiKey(probe.apiKey())
                .connectTimeout(CONNECT_TIMEOUT).requestTimeout(REQUEST_TIMEOUT).build();
        String streamId = v1.createStream().id();
        try {
            probe.injectV1Frame(streamId);
            ChatRequest ask = ChatRequest.builder(MODEL)
                    .ask("What colour is the picture?", OvsReference.newestFrame(streamId)).build();
            Calls client = new Calls(() -> timeClient(v1, ask));
            Calls bare = new Calls(new Bare(probe, Json.write(ask))::time);
            int warmupBlocks = settings.askWarmup() / BLOCK;
            for (int b = 0; b < warmupBlocks + settings.asks() / BLOCK; b++) {
                boolean measured = b >= warmupBlocks;
                // In turn first, so that neither kind gets the quieter moments.
                for (Calls calls : b % 2 == 0 ? List.of(client, bare) : List.of(bare, client)) {
                    calls.block(measured);
                }
            }
            return new AskOverhead(client.latencies(), bare.latencies(), client.cpuMs, bare.cpuMs);
        } finally {
            v1.deleteStream(streamId);
        }
    }

    /** One kind of call: its latencies and CPU over the measured blocks. */
    private static final class Calls {

        private final TimedCall call;
        private final List<Double> latencyMs = new ArrayList<>();
        private double cpuMs;

        Calls(TimedCall call) {
            this.call = call;
        }

        void block(boolean measured) throws Exception {
            long cpuStart = ProcessStats.cpuNanos(ProcessStats.self());
            for (int i = 0; i < BLOCK; i++) {
                double ms = call.millis();
                if (measured) {
                    latencyMs.add(ms);
                }
            }
            if (measured) {
                cpuMs += (ProcessStats.cpuNanos(ProcessStats.self()) - cpuStart) / 1e6;
            }
        }

        Samples latencies() {
            return new Samples(latencyMs);
        }
    }

    /** A call that answers how long it took, in milliseconds. */
    private interface TimedCall {
        double millis() throws Exception;
    }

    private static double timeClient(V1Client client, ChatRequest ask) {
        long start = System.nanoTime();
        ChatCompletion answer = client.chat(ask);
        double ms = (System.nanoTime() - start) / 1e6;
        if (answer.content() == null || answer.content().isEmpty()) {
            throw new IllegalStateException("the emulator sent an empty answer");
        }
        return ms;
    }

    /** The same request without the client: a prepared body, the answer's status checked and its text kept. */
    private static final class Bare {

        private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
        private final HttpRequest request;

        Bare(ProbeProcess probe, String body) {
            request = HttpRequest.newBuilder(URI.create(probe.v1BaseUrl() + "/chat/completions"))
                    .timeout(REQUEST_TIMEOUT)
                    .header("Authorization", "Bearer " + probe.apiKey())
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
        }

        double time() throws Exception {
            long start = System.nanoTime();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            double ms = (System.nanoTime() - start) / 1e6;
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the bare ask got HTTP " + response.statusCode() + ": "
                        + response.body());
            }
            return ms;
        }
    }
}
