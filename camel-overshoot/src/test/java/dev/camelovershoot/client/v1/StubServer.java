package dev.camelovershoot.client.v1;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A tiny HTTP server that answers with scripted responses, in order, for the error bodies and statuses the
 * emulator has no reason to send (a region conflict, a 503 storm, a ChatError of a provider).
 */
final class StubServer implements AutoCloseable {

    /** A scripted response. */
    record Reply(int status, String body, Map<String, String> headers) {
        static Reply json(int status, String body) {
            return new Reply(status, body, Map.of());
        }
    }

    static final String KEY = "ovs_stub_key_31337";

    private final HttpServer server;
    private final BlockingQueue<Reply> replies = new LinkedBlockingQueue<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();

    StubServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
            Reply reply = replies.poll();
            if (reply == null) {
                reply = Reply.json(500, "{\"detail\":\"no scripted reply\"}");
            }
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
    }

    StubServer reply(Reply... scripted) {
        replies.addAll(List.of(scripted));
        return this;
    }

    List<String> requests() {
        return requests;
    }

    V1Client client() {
        return V1Client.builder().baseUrl("http://127.0.0.1:" + server.getAddress().getPort() + "/v1beta")
                .apiKey(KEY).requestTimeout(Duration.ofSeconds(3))
                .unavailableRetry(new dev.camelovershoot.client.ReconnectPolicy(Duration.ofMillis(20),
                        Duration.ofMillis(40), 3))
                .build();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
