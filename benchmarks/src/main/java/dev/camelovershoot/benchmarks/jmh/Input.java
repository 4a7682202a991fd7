package dev.camelovershoot.benchmarks.jmh;

import dev.camelovershoot.media.RawFormat;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/** The kinds of message body the producer converts, each prepared once from the same scene. */
public enum Input {

    JPEG {
        @Override
        Conversion prepare(Scene scene) {
            byte[] jpeg = scene.jpeg();
            return (converter, timestamp) -> converter.fromEncodedImage(jpeg, timestamp);
        }
    },
    /**
     * The reference for {@link #JPEG}: ImageIO's decoding (what the converter did before it used FFmpeg, and still
     * does for JPEGs FFmpeg does not decode cleanly), then the image converted.
     */
    JPEG_IMAGEIO {
        @Override
        Conversion prepare(Scene scene) {
            byte[] jpeg = scene.jpeg();
            return (converter, timestamp) -> converter.fromImage(imageIo(jpeg), timestamp);
        }
    },
    PNG {
        @Override
        Conversion prepare(Scene scene) {
            byte[] png = scene.png();
            return (converter, timestamp) -> converter.fromEncodedImage(png, timestamp);
        }
    },
    IMAGE_3BYTE_BGR {
        @Override
        Conversion prepare(Scene scene) {
            return image(scene.image(BufferedImage.TYPE_3BYTE_BGR));
        }
    },
    IMAGE_INT_RGB {
        @Override
        Conversion prepare(Scene scene) {
            return image(scene.image(BufferedImage.TYPE_INT_RGB));
        }
    },
    IMAGE_4BYTE_ABGR {
        @Override
        Conversion prepare(Scene scene) {
            return image(scene.image(BufferedImage.TYPE_4BYTE_ABGR));
        }
    },
    RAW_RGB {
        @Override
        Conversion prepare(Scene scene) {
            return raw(scene, RawFormat.RGB);
        }
    },
    RAW_RGBA {
        @Override
        Conversion prepare(Scene scene) {
            return raw(scene, RawFormat.RGBA);
        }
    },
    RAW_BGR {
        @Override
        Conversion prepare(Scene scene) {
            return raw(scene, RawFormat.BGR);
        }
    },
    RAW_I420 {
        @Override
        Conversion prepare(Scene scene) {
            return raw(scene, RawFormat.I420);
        }
    },
    /** A JavaCV frame as OpenCV/Java2D converters make them: packed BGR in native memory. */
    JAVACV_BGR {
        @Override
        Conversion prepare(Scene scene) {
            return JavaCvFrames.bgr(scene);
        }
    },
    /** A frame as {@code FFmpegFrameGrabber} delivers a decoded H.264 picture: its yuv420p {@code AVFrame}. */
    JAVACV_AVFRAME {
        @Override
        Conversion prepare(Scene scene) {
            return JavaCvFrames.decodedYuv420p(scene);
        }
    };

    abstract Conversion prepare(Scene scene);

    private static BufferedImage imageIo(byte[] encoded) {
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(encoded))) {
            return ImageIO.read(in);
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
