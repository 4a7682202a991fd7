package dev.camelovershoot.reliability;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.camelovershoot.testinfra.EmulatorObserver;
import dev.camelovershoot.testinfra.Faults;
import dev.camelovershoot.testinfra.OvershootEmulator;
import dev.camelovershoot.testinfra.StreamSnapshot;
import dev.camelovershoot.testinfra.frames.EmulatorFrame;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * The emulator in a JVM of its own, as the suite's service: the test JVM kills it with SIGKILL and starts a new one
 * (state lost). Its {@link EmulatorObserver} crosses the process boundary on standard output: one line
 * {@code RESULT <streamId> <resultId> <nanoTime>} per result sent (on Linux nanoTime is CLOCK_MONOTONIC, one clock
 * for every process on the machine). Faults are injected over a small HTTP control port on loopback.
 *
 * <p>Arguments: {@code apiKey leaseTtlSeconds}. Prints {@code READY <apiPort> <controlPort>} when up; ends when its
 * standard input closes (or is killed).
 */
public final class EmulatorProcess implements EmulatorObserver {

    private final AtomicLong framesStored = new AtomicLong();

    @Override
    public void frameStored(String streamId, EmulatorFrame frame) {
        framesStored.incrementAndGet();
    }

    @Override
    public void resultSent(String streamId, String resultId, long sentNanos) {
        System.out.println("RESULT " + streamId + " " + resultId + " " + sentNanos);
    }

    public static void main(String[] args) throws Exception {
        EmulatorProcess observer = new EmulatorProcess();
        try (OvershootEmulator emulator = OvershootEmulator.builder().apiKeys(args[0])
                .leaseTtlSeconds(Integer.parseInt(args[1])).frameStoreMaxFrames(5).streamLimitPerKey(50)
                .observer(observer).build().start()) {
            HttpServer control = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            control.createContext("/", exchange -> {
                try {
                    answer(exchange, 200, observer.control(emulator, exchange));
                } catch (RuntimeException e) {
                    answer(exchange, 400, e.toString());
                }
            });
            control.start();
            System.out.println("READY " + emulator.port() + " " + control.getAddress().getPort());
            System.out.flush();
            while (System.in.read() >= 0) {
                // the suite closes our input when it is done (or dies)
            }
            control.stop(0);
        }
    }

    /** One control call: {@code /<action>?name=value&...}, with the raw payload (if any) as the request body. */
    private String control(OvershootEmulator emulator, HttpExchange exchange) throws IOException {
        Map<String, String> q = query(exchange.getRequestURI());
        byte[] payload = exchange.getRequestBody().readAllBytes();
        Faults faults = emulator.faults();
        String stream = q.get("stream");
        switch (exchange.getRequestURI().getPath()) {
            case "/live" -> {
                return emulator.streams().stream().filter(s -> !s.ended()).map(StreamSnapshot::id)
                        .collect(Collectors.joining("\n"));
            }
            case "/frames" -> {
                return String.valueOf(framesStored.get());
            }
            case "/sockets" -> {
                return String.valueOf(emulator.stream(stream).map(StreamSnapshot::resultSockets).orElse(0));
            }
            case "/drop-results" -> faults.dropResultSockets(stream);
            case "/drop-signal" -> emulator.liveKitRooms().ifPresent(r -> r.dropSignal(stream));
            case "/rejoin" -> emulator.liveKitRooms().ifPresent(r -> r.requestReconnect(stream));
            case "/fail-keepalives" -> faults.failNextKeepalives(number(q, "count"), number(q, "status"));
            case "/delay-keepalives" -> faults.delayNextKeepalives(number(q, "count"),
                    Duration.ofMillis(number(q, "millis")));
            case "/end-stream" -> faults.endStream(stream, q.get("reason"));
            case "/raw-result" -> faults.sendRawResultMessage(stream, new String(payload, StandardCharsets.UTF_8));
            case "/malform-rest" -> faults.malformNextRestResponses(number(q, "count"),
                    new String(payload, StandardCharsets.UTF_8));
            case "/raw-signal" -> {
                return String.valueOf(faults.sendRawSignalMessage(stream, payload));
            }
            case "/malform-sdp" -> faults.malformNextSdpAnswers(number(q, "count"));
            default -> throw new IllegalArgumentException("unknown control " + exchange.getRequestURI());
        }
        return "";
    }

    private static int number(Map<String, String> query, String name) {
        return Integer.parseInt(query.get(name));
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> out = new HashMap<>();
        if (uri.getQuery() != null) {
            for (String pair : uri.getQuery().split("&")) {
                int eq = pair.indexOf('=');
                out.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return out;
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
