package dev.camelovershoot.client.v1;

import static dev.camelovershoot.client.v1.V1Support.FAST;
import static dev.camelovershoot.client.v1.V1Support.MODEL;
import static dev.camelovershoot.client.v1.V1Support.client;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import dev.camelovershoot.client.ApiException;
import dev.camelovershoot.client.Json;
import dev.camelovershoot.client.ValidationException;
import dev.camelovershoot.media.FolderServer;
import dev.camelovershoot.media.TestVideos;
import dev.camelovershoot.testinfra.OvershootEmulatorExtension;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Camera sources: the service (here the emulator) pulls an HLS playlist itself; refusals are 422. */
class V1CameraTest {

    @RegisterExtension
    static final OvershootEmulatorExtension LOCAL_CAMERAS = OvershootEmulatorExtension.create(b -> b
            .allowPrivateCameraSources(true).v1SourceConnectTimeout(Duration.ofSeconds(1)));
    @RegisterExtension
    static final OvershootEmulatorExtension LIKE_THE_SERVICE = OvershootEmulatorExtension.create(b -> { });

    @TempDir
    Path folder;

    @Test
    void theServicePullsTheCameraAndTheSessionPublishesNothing() throws Exception {
        TestVideos.hls(folder.resolve("index.m3u8"), 10, TestVideos.segments(10, "green"));
        V1Client client = client(LOCAL_CAMERAS.emulator());

        try (FolderServer server = new FolderServer(folder);
             V1Session session = V1Session.camera(client, CameraSource.hls(server.url("index.m3u8")))
                     .reconnectPolicy(FAST).start()) {
            String id = session.streamId();
            await().atMost(Duration.ofSeconds(15)).until(() -> client.stream(id).lastFrameIndex() != null);
            ChatCompletion answer = client.chat(ChatRequest.builder(MODEL)
                    .ask("What colour?", OvsReference.newestFrame(id)).build());

            assertThat(session.stream().published()).isFalse();
            assertThat(session.stream().source().type()).isEqualTo("hls");
            assertThat(session.stream().source().url()).isNull();
            assertThat(client.stream(id).lastPull()).isNotNull();
            assertThat(client.keepalive(id).publish()).isNull();
            assertThat(Json.tree(answer.content()).path("color").asText()).isEqualTo("green");
            assertThat(CameraSource.hls(server.url("index.m3u8")).toString()).doesNotContain("127.0.0.1");
        }
    }

    @Test
    void aLoopbackCameraIsRefusedLikeTheServiceDoes() {
        V1Client client = client(LIKE_THE_SERVICE.emulator());

        ValidationException refused = catchThrowableOfType(ValidationException.class,
                () -> client.createStream(CameraSource.rtsp("rtsp://127.0.0.1:8554/cam")));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused).hasMessageContaining("private, loopback");
    }

    @Test
    void anUnreachableCameraFailsTheStart() {
        V1Client client = client(LOCAL_CAMERAS.emulator());

        ApiException unreachable = catchThrowableOfType(ApiException.class, () -> V1Session.camera(client,
                CameraSource.hls("http://127.0.0.1:1/none.m3u8")).reconnectPolicy(FAST).start());

        assertThat(unreachable.status()).isEqualTo(422);
        assertThat(unreachable).hasMessageContaining("Could not connect to source url");
    }
}
