package dev.camelovershoot.benchmarks.jmh;

import dev.camelovershoot.media.RawFormat;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Function;
import javax.imageio.ImageIO;
import javax.imageio.stream.MemoryCacheImageInputStream;

/** The kinds of message body the producer converts, each prepared once from the same scene. */
public enum Input {

    JPEG(scene -> encoded(scene.jpeg())),
    /**
     * The reference for {@link #JPEG}: ImageIO's decoding (what the converter did before it used FFmpeg, and still
     * does for images FFmpeg does not decode cleanly), then the image converted.
     */
    JPEG_IMAGEIO(scene -> imageIo(scene.jpeg())),
    PNG(scene -> encoded(scene.png())),
    /** The reference for {@link #PNG}, as {@link #JPEG_IMAGEIO} is for JPEG. */
    PNG_IMAGEIO(scene -> imageIo(scene.png())),
    IMAGE_3BYTE_BGR(scene -> image(scene.image(BufferedImage.TYPE_3BYTE_BGR))),
    IMAGE_INT_RGB(scene -> image(scene.image(BufferedImage.TYPE_INT_RGB))),
    IMAGE_4BYTE_ABGR(scene -> image(scene.image(BufferedImage.TYPE_4BYTE_ABGR))),
    RAW_RGB(scene -> raw(scene, RawFormat.RGB)),
    RAW_RGBA(scene -> raw(scene, RawFormat.RGBA)),
    RAW_BGR(scene -> raw(scene, RawFormat.BGR)),
    RAW_I420(scene -> raw(scene, RawFormat.I420)),
    /** A JavaCV frame as OpenCV/Java2D converters make them: packed BGR in native memory. */
    JAVACV_BGR(JavaCvFrames::bgr),
    /** A frame as {@code FFmpegFrameGrabber} delivers a decoded H.264 picture: its yuv420p {@code AVFrame}. */
    JAVACV_AVFRAME(JavaCvFrames::decodedYuv420p);

    private final Function<Scene, Conversion> preparation;

    Input(Function<Scene, Conversion> preparation) {
        this.preparation = preparation;
    }

    Conversion prepare(Scene scene) {
        return preparation.apply(scene);
    }

    private static Conversion encoded(byte[] bytes) {
        return (converter, timestamp) -> converter.fromEncodedImage(bytes, timestamp);
    }

    private static Conversion imageIo(byte[] encoded) {
        return (converter, timestamp) -> converter.fromImage(decode(encoded), timestamp);
    }

    /** As the converter reads: from memory, not through ImageIO's file cache. {@code read} closes the stream. */
    private static BufferedImage decode(byte[] encoded) {
        try {
            return ImageIO.read(new MemoryCacheImageInputStream(new ByteArrayInputStream(encoded)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Conversion image(BufferedImage image) {
        return (converter, timestamp) -> converter.fromImage(image, timestamp);
    }

    private static Conversion raw(Scene scene, RawFormat format) {
        byte[] bytes = scene.raw(format);
        int width = scene.width();
        int height = scene.height();
        return (converter, timestamp) -> converter.fromRaw(bytes, format, width, height, timestamp);
    }
}
