package dev.camelovershoot.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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
    private FolderServer server;

    @BeforeEach
    void serveFolder() throws IOException {
        server = new FolderServer(folder);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void readsAnOnDemandPlaylistToItsEnd() throws Exception {
        List<String> colours = TestVideos.segments(5, "red", "green", "blue");
        TestVideos.hls(folder.resolve("index.m3u8"), 10, colours);
        String playlist = server.url("index.m3u8");
        RecordingSink sink = new RecordingSink();

        try (FrameSource source = FrameSources.open(playlist)) {
            source.start(sink);
            SourceEnd end = sink.end.get(15, TimeUnit.SECONDS);

            assertThat(end.failed()).as(end.describe()).isFalse();
        }
        assertThat(sink.colours()).containsExactlyElementsOf(colours);
        assertThat(sink.timestamps().get(0)).isZero();
    }
}
