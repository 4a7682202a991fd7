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
 * the v1 client builds its default one; the two alternate, in turn first, so that neither gets a warmer pool or
 * quieter moment. The first pairs warm up (JIT, connections) and are not measured.
 */
final class V1AskRun {

    static final String MODEL = "Qwen/Qwen3.6-35B-A3B-FP8";
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private V1AskRun() {
    }

    static AskOverhead run(ProbeProcess probe, Settings settings) throws Exception {
        V1Client client = V1Client.builder().baseUrl(probe.v1BaseUrl()).apiKey(probe.apiKey())
                .connectTimeout(CONNECT_TIMEOUT).requestTimeout(REQUEST_TIMEOUT).build();
        String streamId = client.createStream().id();
        try {
            probe.injectV1Frame(streamId);
            ChatRequest ask = ChatRequest.builder(MODEL)
                    .ask("What colour is the picture?", OvsReference.newestFrame(streamId)).build();
            Bare bare = new Bare(probe, Json.write(ask));
            List<Double> clientMs = new ArrayList<>();
            List<Double> bareMs = new ArrayList<>();
            for (int i = 0; i < settings.askWarmup() + settings.askPairs(); i++) {
                boolean measured = i >= settings.askWarmup();
                boolean clientFirst = i % 2 == 0;
                if (clientFirst) {
                    record(measured, clientMs, timeClient(client, ask));
                }
                record(measured, bareMs, bare.time());
                if (!clientFirst) {
                    record(measured, clientMs, timeClient(client, ask));
                }
            }
            return new AskOverhead(settings.askPairs(), new Samples(clientMs), new Samples(bareMs));
        } finally {
            client.deleteStream(streamId);
        }
    }

    private static void record(boolean measured, List<Double> into, double ms) {
        if (measured) {
            into.add(ms);
        }
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
