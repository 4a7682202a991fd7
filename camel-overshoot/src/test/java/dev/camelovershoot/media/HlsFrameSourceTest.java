package dev.camelovershoot.media;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An HLS playlist recorded with FFmpeg, served over HTTP on 127.0.0.1 and read back through the HLS source. */
class HlsFrameSourceTest {

    @TempDir
    Path folder;
    private HttpServer server;

    @BeforeEach
    void serveFolder() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::serveFile);
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void readsAnOnDemandPlaylistToItsEnd() throws Exception {
        List<String> colours = TestVideos.segments(5, "red", "green", "blue");
        TestVideos.hls(folder.resolve("index.m3u8"), 10, colours);
        String playlist = "http://127.0.0.1:" + server.getAddress().getPort() + "/index.m3u8";
        RecordingSink sink = new RecordingSink();

        try (FrameSource source = FrameSources.open(playlist)) {
            source.start(sink);
            SourceEnd end = sink.end.get(15, TimeUnit.SECONDS);

            assertThat(end.failed()).as(end.describe()).isFalse();
        }
        assertThat(sink.colours()).containsExactlyElementsOf(colours);
        assertThat(sink.timestamps().get(0)).isZero();
    }

    private void serveFile(HttpExchange exchange) throws IOException {
        try (exchange) {
            Path file = folder.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
            if (!file.startsWith(folder) || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type",
                    file.toString().endsWith(".m3u8") ? "application/vnd.apple.mpegurl" : "video/mp2t");
            exchange.sendResponseHeaders(200, Files.size(file));
            try (OutputStream body = exchange.getResponseBody()) {
                Files.copy(file, body);
            }
        }
    }
}
