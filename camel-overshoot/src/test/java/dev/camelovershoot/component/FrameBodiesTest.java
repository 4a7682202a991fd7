package dev.camelovershoot.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.camelovershoot.media.FrameConverter;
import dev.camelovershoot.media.FrameDecodeException;
import dev.camelovershoot.media.I420Frame;
import dev.camelovershoot.testinfra.frames.TestImages;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.WrappedFile;
import org.apache.camel.converter.stream.InputStreamCache;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.support.TypeConverterSupport;
import org.bytedeco.javacv.Frame;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every accepted body type becomes a frame of its size; anything else says what was expected. */
class FrameBodiesTest {

    private static final BufferedImage IMAGE = TestImages.solid(32, 24, "blue");

    private final CamelContext context = new DefaultCamelContext();
    private final FrameConverter converter = FrameConverter.atInputSize();

    @TempDir
    Path dir;

    @AfterEach
    void release() throws Exception {
        converter.close();
        context.close();
    }

    @Test
    void encodedImagesInEveryContainer() throws IOException {
        byte[] png = encode("png");
        Path file = Files.write(dir.resolve("frame.jpg"), encode("jpg"));

        assertConverts(png);
        assertConverts(encode("jpg"));
        assertConverts(new ByteArrayInputStream(png));
        assertConverts(file);
        assertConverts(file.toFile());
        assertConverts(wrapped(file.toFile()));
    }

    @Test
    void imagesAndPixels() {
        assertConverts(IMAGE);
        try (Frame frame = new Frame(32, 24, Frame.DEPTH_UBYTE, 3)) {
            assertConverts(frame);
        }
        Message raw = message(new byte[32 * 24 * 3]);
        raw.setHeader(OvershootConstants.FRAME_WIDTH, "32");
        raw.setHeader(OvershootConstants.FRAME_HEIGHT, 24);
        raw.setHeader(OvershootConstants.FRAME_FORMAT, "bgr");
        assertSize(raw);
    }

    @Test
    void reReadableBodiesStayReadable() throws IOException {
        byte[] png = encode("png");
        ByteBuffer buffer = ByteBuffer.wrap(png);
        InputStreamCache cache = new InputStreamCache(png);

        assertConverts(buffer);
        assertConverts(cache);

        assertThat(buffer.remaining()).isEqualTo(png.length);
        assertThat(cache.readAllBytes()).isEqualTo(png);
    }

    @Test
    void otherBodiesGoThroughCamelsTypeConverters() {
        context.getTypeConverterRegistry().addTypeConverter(BufferedImage.class, Snapshot.class,
                new TypeConverterSupport() {
                    @Override
                    public <T> T convertTo(Class<T> type, Exchange exchange, Object value) {
                        return type.cast(((Snapshot) value).image());
                    }
                });

        assertConverts(new Snapshot(IMAGE));
    }

    /** A user's own frame type, with a converter of the user's. */
    private record Snapshot(BufferedImage image) {
    }

    @Test
    void anythingElseSaysWhatWasExpected() {
        assertThatThrownBy(() -> FrameBodies.read(message("a string")))
                .isInstanceOf(FrameDecodeException.class)
                .hasMessageStartingWith("expected a video frame: byte[] (JPEG or PNG), BufferedImage")
                .hasMessageEndingWith("; got a java.lang.String");
        assertThatThrownBy(() -> FrameBodies.read(message(dir.resolve("missing.jpg"))))
                .isInstanceOf(FrameDecodeException.class)
                .hasMessageStartingWith("could not read the frame file " + dir.resolve("missing.jpg"));
    }

    private void assertConverts(Object body) {
        assertSize(message(body));
    }

    private void assertSize(Message message) {
        try (I420Frame frame = FrameBodies.read(message).convert(converter, 5)) {
            assertThat(frame.width()).isEqualTo(32);
            assertThat(frame.height()).isEqualTo(24);
            assertThat(frame.timestampNanos()).isEqualTo(5);
        }
    }

    private Message message(Object body) {
        Message message = new DefaultExchange(context).getMessage();
        message.setBody(body);
        return message;
    }

    private static byte[] encode(String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(IMAGE, format, out);
        return out.toByteArray();
    }

    /** What camel-file hands a route: a wrapper around the file. */
    private static WrappedFile<File> wrapped(File file) {
        return new WrappedFile<>() {
            @Override
            public File getFile() {
                return file;
            }

            @Override
            public Object getBody() {
                return file;
            }

            @Override
            public long getFileLength() {
                return file.length();
            }
        };
    }
}
