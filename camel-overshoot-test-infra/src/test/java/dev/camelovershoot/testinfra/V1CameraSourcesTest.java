package dev.camelovershoot.testinfra;

import static dev.camelovershoot.testinfra.V1Requests.awaitNewest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.camelovershoot.testinfra.frames.RtspServer;
import dev.camelovershoot.testinfra.frames.TestVideos;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.bytedeco.ffmpeg.global.avutil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * v1beta camera sources the emulator pulls itself: the service's refusals, the 422 after retries, and RTSP and HLS
 * cameras pulled into the buffer.
 */
class V1CameraSourcesTest {

    private static final int FPS = 10;
    private static final Duration MEDIA_TIMEOUT = Duration.ofSeconds(15);
    /** The camera-rtsp example's RTSP server (GStreamer), relative to this module. */
    private static final Path RTSP_SERVER_SCRIPT = Path.of("..", "examples", "camera-rtsp", "rtsp-server.py");

    @Test
    void refusesPrivateAndLoopbackCamerasAndMalformedSources() {
        try (OvershootEmulator emulator = OvershootEmulator.builder().build().start()) {
            Api api = Api.v1(emulator);
            for (String url : List.of("rtsp://127.0.0.1:8554/cam", "rtsp://10.1.2.3/cam", "rtsp://192.168.0.10/cam",
                    "rtsp://169.254.1.1/cam", "rtsp://[::1]/cam")) {
                Api.Reply refused = api.post("/streams", "{\"source\":{\"type\":\"rtsp\",\"url\":\"" + url + "\"}}");
                assertThat(refused.status()).as(url).isEqualTo(422);
                assertThat(refused.get("detail").asText()).contains("private, loopback or link-local");
                assertThat(refused.rawBody()).doesNotContain(url);
            }
            assertThat(api.post("/streams", "{\"source\":{\"type\":\"rtsp\",\"url\":\"http://cam.example/x\"}}")
                    .get("detail").get(0).get("loc")).extracting(JsonNode::asText)
                    .containsExactly("body", "source", "url");
            assertThat(api.post("/streams", "{\"source\":{\"type\":\"webcam\",\"url\":\"rtsp://cam.example/x\"}}")
                    .status()).isEqualTo(422);
        }
    }

    @Test
    void anUnreachableCameraIs422AfterRetries() {
        try (OvershootEmulator emulator = OvershootEmulator.builder().allowPrivateCameraSources(true)
                .v1SourceConnectTimeout(Duration.ofSeconds(2)).build().start()) {
            long started = System.nanoTime();
            Api.Reply refused = Api.v1(emulator).post("/streams",
                    "{\"source\":{\"type\":\"rtsp\",\"url\":\"rtsp://127.0.0.1:1/cam\"}}");

            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.get("detail").asText()).startsWith("Could not connect to source url");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        }
    }

    @Test
    void pullsAnRtspCameraOverTcpIntoTheBuffer(@TempDir Path dir) throws Exception {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        Path video = TestVideos.h264Mp4(dir.resolve("cam.mp4"), FPS, TestVideos.segments(FPS, "red", "blue"));
        try (RtspServer camera = RtspServer.serve(RTSP_SERVER_SCRIPT, video, "cam", dir.resolve("rtsp-server.log"));
             OvershootEmulator emulator = OvershootEmulator.builder().allowPrivateCameraSources(true).build().start()) {
            Api api = Api.v1(emulator);
            Api.Reply created = api.post("/streams", "{\"source\":{\"type\":\"rtsp\",\"url\":\"" + camera.url()
                    + "\"}}");
            assertThat(created.status()).as(created.rawBody()).isEqualTo(201);
            assertThat(created.get("source").get("type").asText()).isEqualTo("rtsp");
            String id = created.get("id").asText();

            awaitNewest(api, id, "red", MEDIA_TIMEOUT);
            awaitNewest(api, id, "blue", MEDIA_TIMEOUT);
            assertThat(api.get("/streams/" + id).get("last_pull").asLong()).isPositive();
        }
    }

    @Test
    void pullsAnHlsCameraIntoTheBufferAndEndsTheStreamWhenTheSourceEndsTwice(@TempDir Path dir) throws Exception {
        // Errors only: the encoder's banner would fill the test output.
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        Path playlist = TestVideos.hls(dir.resolve("cam.m3u8"), FPS, TestVideos.segments(FPS, "red", "blue"));
        HttpServer files = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        files.createContext("/", exchange -> {
            byte[] body = Files.readAllBytes(dir.resolve(exchange.getRequestURI().getPath().substring(1)));
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        files.start();
        String url = "http://127.0.0.1:" + files.getAddress().getPort() + "/" + playlist.getFileName();
        try (OvershootEmulator emulator = OvershootEmulator.builder().allowPrivateCameraSources(true).build().start()) {
            Api api = Api.v1(emulator);
            Api.Reply created = api.post("/streams", "{\"source\":{\"type\":\"hls\",\"url\":\"" + url + "\"}}");
            assertThat(created.status()).as(created.rawBody()).isEqualTo(201);
            assertThat(created.get("source").get("type").asText()).isEqualTo("hls");
            assertThat(created.get("publish").isNull()).isTrue();
            assertThat(created.rawBody()).doesNotContain(url);
            String id = created.get("id").asText();

            awaitNewest(api, id, "red", MEDIA_TIMEOUT);
            awaitNewest(api, id, "blue", MEDIA_TIMEOUT);
            assertThat(api.get("/streams/" + id).get("last_pull").asLong()).isPositive();
            assertThat(api.post("/streams/" + id + "/keepalive", null).get("publish").isNull()).isTrue();

            await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/streams/" + id).get("state").asText()
                    .equals("ended"));
            assertThat(api.get("/streams/" + id).get("end_reason").asText()).isEqualTo("expired");
        } finally {
            files.stop(0);
        }
    }
}
