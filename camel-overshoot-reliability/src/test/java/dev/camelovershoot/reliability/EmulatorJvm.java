package dev.camelovershoot.reliability;

import dev.camelovershoot.testinfra.ChildJvm;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The suite's service: an {@link EmulatorProcess} in a child JVM on this JVM's class path. It can be killed with
 * SIGKILL and started again (a new process, every stream forgotten); the results every incarnation sent are kept.
 */
final class EmulatorJvm implements AutoCloseable {

    /** A result the emulator sent: its stream, its id, and when ({@link System#nanoTime()}, shared on Linux). */
    record Sent(String streamId, String resultId, long nanos) {
    }

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final String apiKey;
    private final int leaseTtlSeconds;
    private final Path logDir;
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private ChildJvm child;
    private int apiPort;
    private int controlPort;
    private int incarnation;

    EmulatorJvm(String apiKey, int leaseTtlSeconds, Path logDir) {
        this.apiKey = apiKey;
        this.leaseTtlSeconds = leaseTtlSeconds;
        this.logDir = logDir;
    }

    /** Starts a new emulator process and waits until it listens. */
    synchronized EmulatorJvm start() throws Exception {
        incarnation++;
        child = ChildJvm.of(EmulatorProcess.class).name("emulator-" + incarnation).maxHeap("512m")
                .args(apiKey, String.valueOf(leaseTtlSeconds)).onLine(this::readResult)
                .start(logDir.resolve("emulator-" + incarnation + ".log"));
        List<String> ready = child.awaitReady(START_TIMEOUT);
        apiPort = Integer.parseInt(ready.get(1));
        controlPort = Integer.parseInt(ready.get(2));
        return this;
    }

    /** SIGKILL, as a crashed host: no close frames, no goodbye; waits until the process is gone. */
    synchronized void kill() throws InterruptedException {
        child.kill();
    }

    synchronized int apiPort() {
        return apiPort;
    }

    synchronized long pid() {
        return child.pid();
    }

    String apiKey() {
        return apiKey;
    }

    /** Every result sent so far, by every incarnation. */
    List<Sent> sent() {
        return List.copyOf(sent);
    }

    /** A control call (see {@link EmulatorProcess}); answers its text. */
    String control(String pathAndQuery) {
        return control(pathAndQuery, new byte[0]);
    }

    String control(String pathAndQuery, byte[] payload) {
        int port;
        synchronized (this) {
            port = controlPort;
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                .timeout(Duration.ofSeconds(20)).POST(HttpRequest.BodyPublishers.ofByteArray(payload)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("control " + pathAndQuery + " failed: " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("control " + pathAndQuery + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The streams that are live now (not ended). */
    List<String> liveStreams() {
        String text = control("/live");
        return text.isBlank() ? List.of() : text.lines().toList();
    }

    /** Frames stored by this incarnation so far, decoded from WebRTC. */
    long framesStored() {
        return Long.parseLong(control("/frames"));
    }

    @Override
    public synchronized void close() throws InterruptedException {
        if (child != null && child.isAlive()) {
            child.endInput(Duration.ofSeconds(20));
        }
    }

    /** A line of the emulator's output: {@code RESULT <stream> <result> <nanos>} for each result it sent. */
    private void readResult(String line) {
        if (line.startsWith("RESULT ")) {
            String[] f = line.split(" ");
            sent.add(new Sent(f[1], f[2], Long.parseLong(f[3])));
        }
    }
}
