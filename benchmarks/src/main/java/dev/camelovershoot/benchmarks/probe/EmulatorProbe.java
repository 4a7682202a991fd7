package dev.camelovershoot.benchmarks.probe;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.camelovershoot.testinfra.EmulatorObserver;
import dev.camelovershoot.testinfra.OvershootEmulator;
import dev.camelovershoot.testinfra.frames.EmulatorFrame;
import dev.camelovershoot.transport.rtc.FrameCounter;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;

/**
 * The emulator in its own JVM, for benchmarks: it records every decoded frame (by the counter drawn into it) and
 * every result sent, each with {@link System#nanoTime()}, and serves them as text on a small HTTP port. On Linux
 * nanoTime is {@code CLOCK_MONOTONIC}, one clock for every process on the machine, so the harness can subtract its
 * own times from these.
 *
 * <p>Arguments: {@code streamLimitPerKey}. Prints {@code READY <apiUrl> <apiKey> <liveKitUrl> <probePort>
 * <v1BaseUrl>} when up; ends when its standard input closes. {@code /reset?WIDTH} forgets what was recorded and says
 * how wide the frames pushed next are; {@code /v1frame?STREAM_ID} puts a solid red 320x240 frame into a v1 stream's
 * buffer. The v1beta rate limit is lifted: the benchmarks measure the client, not the limiter.
 */
public final class EmulatorProbe implements EmulatorObserver {

    private static final BufferedImage RED = solid(320, 240, Color.RED);

    private final Queue<String> frames = new ConcurrentLinkedQueue<>();
    private final Queue<String> results = new ConcurrentLinkedQueue<>();
    /** Width of the frames as the clients push them: senders may scale down, the counter scales with the frame. */
    private volatile int sourceWidth = 1280;

    @Override
    public void frameStored(String streamId, EmulatorFrame frame) {
        int counter = FrameCounter.read(frame.image(), frame.image().getWidth() / (double) sourceWidth);
        frames.add(streamId + " " + counter + " " + frame.receivedNanos() + " " + frame.width() + " "
                + frame.height());
    }

    @Override
    public void resultSent(String streamId, String resultId, long sentNanos) {
        results.add(streamId + " " + resultId + " " + sentNanos);
    }

    public static void main(String[] args) throws Exception {
        EmulatorProbe probe = new EmulatorProbe();
        try (OvershootEmulator emulator = OvershootEmulator.builder().streamLimitPerKey(Integer.parseInt(args[0]))
                .frameStoreMaxFrames(10).leaseTtlSeconds(60).v1RequestsPerSecond(1_000_000).observer(probe).build()
                .start()) {
            HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            http.createContext("/frames", exchange -> answer(exchange, () -> String.join("\n", probe.frames)));
            http.createContext("/results", exchange -> answer(exchange, () -> String.join("\n", probe.results)));
            http.createContext("/reset", exchange -> answer(exchange, () -> {
                probe.sourceWidth = Integer.parseInt(exchange.getRequestURI().getQuery());
                probe.frames.clear();
                probe.results.clear();
                return "";
            }));
            http.createContext("/token", exchange -> answer(exchange,
                    () -> emulator.liveKitToken("rtc-node", exchange.getRequestURI().getQuery(), Duration.ofHours(1))));
            http.createContext("/v1frame", exchange -> answer(exchange, () -> {
                emulator.v1().injectFrame(exchange.getRequestURI().getQuery(), RED);
                return "";
            }));
            http.start();
            System.out.println("READY " + emulator.baseUrl() + " " + emulator.apiKey() + " " + emulator.liveKitUrl()
                    + " " + http.getAddress().getPort() + " " + emulator.v1BaseUrl());
            System.out.flush();
            awaitEndOfInput();
            http.stop(0);
        }
    }

    private static BufferedImage solid(int width, int height, Color colour) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }

    private static void awaitEndOfInput() throws IOException {
        while (System.in.read() >= 0) {
            // the harness closes our input when it is done (or dies)
        }
    }

    private static void answer(HttpExchange exchange, Supplier<String> body) throws IOException {
        byte[] bytes = body.get().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
