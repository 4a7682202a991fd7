package dev.camelovershoot.component;

import dev.camelovershoot.media.FrameConverter;
import dev.camelovershoot.media.FrameDecodeException;
import dev.camelovershoot.media.I420Frame;
import dev.camelovershoot.media.RawFormat;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.camel.Message;
import org.apache.camel.StreamCache;
import org.apache.camel.TypeConversionException;
import org.apache.camel.WrappedFile;
import org.bytedeco.javacv.Frame;

/**
 * Reads an exchange body as a video frame. Reading (files, streams) happens at once on the caller's thread; the pixel
 * conversion is returned as a {@link FrameInput} for the stream to run with its converter. A body of another type goes
 * to Camel's type converters (a user's own included), for a {@link BufferedImage} or else the encoded bytes. Bodies
 * that can be read again stay readable: a {@link StreamCache} is reset, a {@link ByteBuffer}'s position is kept. A body
 * that is not a frame fails with a {@link FrameDecodeException} saying what was expected.
 */
final class FrameBodies {

    private static final String ACCEPTED = "byte[] (JPEG or PNG), BufferedImage, JavaCV Frame, ByteBuffer, InputStream,"
            + " StreamCache, File or Path of a JPEG or PNG image, anything Camel's type converters turn into a"
            + " BufferedImage or byte[], or raw pixel bytes with headers " + OvershootConstants.FRAME_WIDTH + ", "
            + OvershootConstants.FRAME_HEIGHT + " and " + OvershootConstants.FRAME_FORMAT + " (RGB, RGBA, BGR, I420)";

    /** A frame body waiting for the stream's converter and clock. */
    @FunctionalInterface
    interface FrameInput {
        I420Frame convert(FrameConverter converter, long timestampNanos);
    }

    private FrameBodies() {
    }

    static FrameInput read(Message message) {
        if (isRaw(message)) {
            return raw(message);
        }
        Object body = message.getBody();
        if (body instanceof WrappedFile<?> wrapped) {
            body = wrapped.getFile();
        }
        if (body instanceof byte[] bytes) {
            return encoded(bytes);
        } else if (body instanceof BufferedImage image) {
            return (converter, timestamp) -> converter.fromImage(image, timestamp);
        } else if (body instanceof Frame frame) {
            return (converter, timestamp) -> converter.fromJavaCv(frame, timestamp);
        } else if (body instanceof ByteBuffer buffer) {
            return encoded(readAll(buffer));
        } else if (body instanceof StreamCache cache) {
            return encoded(readAll(cache));
        } else if (body instanceof InputStream stream) {
            return encoded(readAll(stream));
        } else if (body instanceof File file) {
            return encoded(readAll(file.toPath()));
        } else if (body instanceof Path path) {
            return encoded(readAll(path));
        }
        return converted(message, body);
    }

    /** Through Camel's type converters; text is left out, since its bytes are never an image. */
    private static FrameInput converted(Message message, Object body) {
        if (body != null && !(body instanceof CharSequence)) {
            BufferedImage image = convert(message, BufferedImage.class);
            if (image != null) {
                return (converter, timestamp) -> converter.fromImage(image, timestamp);
            }
            byte[] bytes = convert(message, byte[].class);
            if (bytes != null) {
                return encoded(bytes);
            }
        }
        throw new FrameDecodeException("expected a video frame: " + ACCEPTED + "; got "
                + (body == null ? "no body" : "a " + body.getClass().getName()));
    }

    private static <T> T convert(Message message, Class<T> type) {
        try {
            return message.getBody(type);
        } catch (TypeConversionException e) {
            return null;
        }
    }

    private static FrameInput encoded(byte[] bytes) {
        return (converter, timestamp) -> converter.fromEncodedImage(bytes, timestamp);
    }

    private static boolean isRaw(Message message) {
        return message.getHeader(OvershootConstants.FRAME_FORMAT) != null
                || message.getHeader(OvershootConstants.FRAME_WIDTH) != null
                || message.getHeader(OvershootConstants.FRAME_HEIGHT) != null;
    }

    private static FrameInput raw(Message message) {
        Integer width = message.getHeader(OvershootConstants.FRAME_WIDTH, Integer.class);
        Integer height = message.getHeader(OvershootConstants.FRAME_HEIGHT, Integer.class);
        String format = message.getHeader(OvershootConstants.FRAME_FORMAT, String.class);
        List<String> missing = new ArrayList<>();
        if (width == null) {
            missing.add(OvershootConstants.FRAME_WIDTH);
        }
        if (height == null) {
            missing.add(OvershootConstants.FRAME_HEIGHT);
        }
        if (format == null) {
            missing.add(OvershootConstants.FRAME_FORMAT);
        }
        if (!missing.isEmpty()) {
            throw new FrameDecodeException("a raw frame needs the headers " + OvershootConstants.FRAME_WIDTH + ", "
                    + OvershootConstants.FRAME_HEIGHT + " and " + OvershootConstants.FRAME_FORMAT + "; missing "
                    + String.join(", ", missing));
        }
        RawFormat rawFormat = rawFormat(format);
        byte[] bytes = message.getBody(byte[].class);
        return (converter, timestamp) -> converter.fromRaw(bytes, rawFormat, width, height, timestamp);
    }

    private static RawFormat rawFormat(String format) {
        try {
            return RawFormat.valueOf(format.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new FrameDecodeException("unknown raw frame format '" + format + "': use RGB, RGBA, BGR or I420");
        }
    }

    private static byte[] readAll(InputStream stream) {
        try (stream) {
            return stream.readAllBytes();
        } catch (IOException e) {
            throw new FrameDecodeException("could not read the frame from the InputStream body: " + e.getMessage(), e);
        }
    }

    private static byte[] readAll(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }

    private static byte[] readAll(StreamCache cache) {
        try {
            cache.reset();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            cache.writeTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new FrameDecodeException("could not read the frame from the StreamCache body: " + e.getMessage(), e);
        } finally {
            cache.reset();
        }
    }

    private static byte[] readAll(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new FrameDecodeException("could not read the frame file " + path + ": " + e.getMessage(), e);
        }
    }
}
