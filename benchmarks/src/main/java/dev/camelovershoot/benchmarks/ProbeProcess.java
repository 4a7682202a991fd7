package dev.camelovershoot.benchmarks;

import dev.camelovershoot.benchmarks.probe.EmulatorProbe;
import dev.camelovershoot.testinfra.ChildJvm;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The {@link EmulatorProbe} in a child JVM on this JVM's class path, and what it recorded. */
final class ProbeProcess implements AutoCloseable {

    /** A frame the emulator decoded: its stream, the counter drawn into it, when it reached the store. */
    record Decoded(String streamId, int counter, long nanos, int width, int height) {
    }

    /** A result the emulator sent, and when. */
    record Sent(String streamId, String resultId, long nanos) {
    }

    private final ChildJvm child;
    private final HttpClient http = HttpClient.newHttpClient();
    private final String apiUrl;
    private final String apiKey;
    private final String liveKitUrl;
    private final int port;
    private final String v1BaseUrl;

    private ProbeProcess(ChildJvm child, List<String> ready) {
        this.child = child;
        this.apiUrl = ready.get(1);
        this.apiKey = ready.get(2);
        this.liveKitUrl = ready.get(3);
        this.port = Integer.parseInt(ready.get(4));
        this.v1BaseUrl = ready.get(5);
    }

    static ProbeProcess start(int streamLimit, Path log) throws Exception {
        ChildJvm child = ChildJvm.of(EmulatorProbe.class).maxHeap("1g").args(String.valueOf(streamLimit)).start(log);
        return new ProbeProcess(child, child.awaitReady(Duration.ofSeconds(60)));
    }

    long pid() {
        return child.pid();
    }

    String apiUrl() {
        return apiUrl;
    }

    String apiKey() {
        return apiKey;
    }

    /** The emulator's v1beta base URL (same server and port as {@link #apiUrl()}). */
    String v1BaseUrl() {
        return v1BaseUrl;
    }

    /** Puts a solid red frame into the buffer of the v1 stream {@code streamId}, inside the emulator. */
    void injectV1Frame(String streamId) throws Exception {
        get("/v1frame?" + streamId);
    }

    String liveKitUrl() {
        return liveKitUrl;
    }

    String liveKitToken(String room) throws Exception {
        return get("/token?" + room);
    }

    /** Forgets what was recorded; the frames pushed next are {@code sourceWidth} pixels wide. */
    void reset(int sourceWidth) throws Exception {
        get("/reset?" + sourceWidth);
    }

    List<Decoded> decoded() throws Exception {
        List<Decoded> out = new ArrayList<>();
        for (String[] f : rows(get("/frames"))) {
            out.add(new Decoded(f[0], Integer.parseInt(f[1]), Long.parseLong(f[2]), Integer.parseInt(f[3]),
                    Integer.parseInt(f[4])));
        }
        return out;
    }

    List<Sent> sent() throws Exception {
        List<Sent> out = new ArrayList<>();
        for (String[] f : rows(get("/results"))) {
            out.add(new Sent(f[0], f[1], Long.parseLong(f[2])));
        }
        return out;
    }

    private static List<String[]> rows(String text) {
        return text.isBlank() ? List.of() : text.lines().map(l -> l.split(" ")).toList();
    }

    private String get(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    @Override
    public void close() throws Exception {
        child.endInput(Duration.ofSeconds(20));
    }
}
