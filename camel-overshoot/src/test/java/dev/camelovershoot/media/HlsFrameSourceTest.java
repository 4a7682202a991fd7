package dev.camelovershoot.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An HLS playlist recorded with FFmpeg, served over HTTP on 127.0.0.1 and read back through the HLS source. */
class HlsFrameSourceTest {

    @TempDir
    Path folder;

    @Test
    void readsAnOnDemandPlaylistToItsEnd() throws Exception {
        List<String> colours = TestVideos.segments(5, "red", "green", "blue");
        TestVideos.hls(folder.resolve("index.m3u8"), 10, colours);
        RecordingSink sink = new RecordingSink();

        try (FolderServer server = new FolderServer(folder);
             FrameSource source = FrameSources.open(server.url("index.m3u8"))) {
            source.start(sink);
            SourceEnd end = sink.end.get(15, TimeUnit.SECONDS);

            assertThat(end.failed()).as(end.describe()).isFalse();
        }
        assertThat(sink.colours()).containsExactlyElementsOf(colours);
        assertThat(sink.timestamps().get(0)).isZero();
    }
}
