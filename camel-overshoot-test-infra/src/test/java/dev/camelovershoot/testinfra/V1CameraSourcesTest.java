package dev.camelovershoot.testinfra;

import static dev.camelovershoot.testinfra.V1ChatCompletionsTest.image;
import static dev.camelovershoot.testinfra.V1ChatCompletionsTest.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.camelovershoot.testinfra.inference.Palette;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** v1beta camera sources the emulator pulls itself: the service's refusals, the 422 after retries, and HLS pulled. */
class V1CameraSourcesTest {

    private static final int FPS = 10;

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
    void pullsAnHlsCameraIntoTheBufferAndEndsTheStreamWhenTheSourceEndsTwice(@TempDir Path dir) throws Exception {
        Path playlist = hls(dir.resolve("cam.m3u8"), List.of("red", "blue"));
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

            awaitNewest(api, id, "red");
            awaitNewest(api, id, "blue");
            assertThat(api.get("/streams/" + id).get("last_pull").asLong()).isPositive();
            assertThat(api.post("/streams/" + id + "/keepalive", null).get("publish").isNull()).isTrue();

            await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/streams/" + id).get("state").asText()
                    .equals("ended"));
            assertThat(api.get("/streams/" + id).get("end_reason").asText()).isEqualTo("expired");
        } finally {
            files.stop(0);
        }
    }

    private static void awaitNewest(Api api, String streamId, String colour) {
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).until(() -> {
            Api.Reply reply = api.post("/chat/completions", request(image(streamId, "frame_index=-1")).toString());
            return reply.status() == 200 && Api.parse(reply.get("choices").get(0).get("message").get("content")
                    .asText()).get("color").asText().equals(colour);
        });
    }

    /** An HLS on-demand playlist of one-second H.264 segments: one second of each colour. */
    private static Path hls(Path playlist, List<String> colours) throws Exception {
        int width = 160;
        int height = 120;
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(playlist.toString(), width, height, 0);
             Frame frame = new Frame(width, height, Frame.DEPTH_UBYTE, 3)) {
            recorder.setFormat("hls");
            recorder.setVideoCodec(avcodec.AV_CODEC_ID_H264);
            recorder.setFrameRate(FPS);
            recorder.setGopSize(FPS);
            recorder.setOption("hls_time", "1");
            recorder.setOption("hls_list_size", "0");
            recorder.setOption("hls_playlist_type", "vod");
            recorder.start();
            for (String colour : colours) {
                paint(frame, colour);
                for (int i = 0; i < FPS; i++) {
                    recorder.record(frame);
                }
            }
            recorder.stop();
        }
        return playlist;
    }

    private static void paint(Frame frame, String colour) {
        int[] rgb = Palette.rgb(colour);
        ByteBuffer pixels = (ByteBuffer) frame.image[0];
        for (int row = 0; row < frame.imageHeight; row++) {
            for (int x = 0; x < frame.imageWidth; x++) {
                int at = row * frame.imageStride + 3 * x;
                pixels.put(at, (byte) rgb[2]).put(at + 1, (byte) rgb[1]).put(at + 2, (byte) rgb[0]);
            }
        }
    }
}
