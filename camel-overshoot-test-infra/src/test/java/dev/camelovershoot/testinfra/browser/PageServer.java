package dev.camelovershoot.testinfra.browser;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The web app's own origin: serves the test page and the SDKs' browser builds from the installed packages (offline,
 * no bundling: {@code livekit-client}'s UMD file and {@code @overshoot/sdk}'s ES module, which imports nothing).
 */
final class PageServer implements AutoCloseable {

    private final HttpServer server;

    /** @param files URL path to file */
    PageServer(Map<String, Path> files) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> serve(exchange, files.get(exchange.getRequestURI().getPath())));
        server.start();
    }

    /** {@code http://127.0.0.1:PORT}: another origin than the emulator's. */
    String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void serve(HttpExchange exchange, Path file) throws IOException {
        try (exchange) {
            if (file == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            String name = file.getFileName().toString();
            exchange.getResponseHeaders().set("Content-Type",
                    name.endsWith(".html") ? "text/html; charset=utf-8" : "text/javascript; charset=utf-8");
            byte[] body = Files.readAllBytes(file);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
