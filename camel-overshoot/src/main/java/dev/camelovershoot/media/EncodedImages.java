package dev.camelovershoot.media;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_MJPEG;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_PNG;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/** JPEG and PNG decoding that refuses anything else, and refuses truncated or corrupt images instead of returning part of one. */
final class EncodedImages {

    private static final int SHOWN_BYTES = 8;
    private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    /** The EOI marker. */
    private static final byte[] JPEG_END = {(byte) 0xFF, (byte) 0xD9};
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    /** A PNG ends with the IEND chunk: its type, then its CRC. */
    private static final byte[] PNG_END = {'I', 'E', 'N', 'D', (byte) 0xAE, 0x42, 0x60, (byte) 0x82};

    private EncodedImages() {
    }

    static BufferedImage decode(byte[] bytes) {
        String format = format(bytes);
        // ImageIO decodes a PNG cut inside its last data chunk without complaint.
        if (format.equals("PNG") && !endsWith(bytes, PNG_END)) {
            throw new FrameDecodeException("truncated PNG (" + bytes.length + " bytes): it does not end with an IEND chunk");
        }
        // In-memory stream: ImageIO's default stream would spill to a temporary file for every image.
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            return read(format, in, bytes.length);
        } catch (FrameDecodeException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // ImageIO also throws unchecked exceptions on malformed data
            throw new FrameDecodeException("could not decode " + format + " (" + bytes.length + " bytes): " + e.getMessage(), e);
        }
    }

    private static BufferedImage read(String format, ImageInputStream in, int length) throws IOException {
        ImageReader reader = ImageIO.getImageReadersByFormatName(format).next();
        try {
            List<String> warnings = new ArrayList<>();
            reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
            reader.setInput(in, true, true);
            BufferedImage image = reader.read(0);
            // A truncated JPEG decodes "successfully" into a partly grey image; its reader only warns.
            if (!warnings.isEmpty()) {
                throw new FrameDecodeException("truncated or corrupt " + format + " (" + length + " bytes): "
                        + String.join("; ", warnings));
            }
            return image;
        } finally {
            reader.dispose();
        }
    }

    /**
     * FFmpeg's decoder for a JPEG or PNG that ends as a complete one does, or -1. FFmpeg decodes a truncated JPEG
     * without complaint: such images are left to {@link #decode}, which refuses them. After a JPEG's EOI marker,
     * padding zeros are allowed, as some cameras append them.
     */
    static int completeImageCodec(byte[] bytes) {
        if (bytes == null) {
            return -1;
        }
        if (startsWith(bytes, JPEG_MAGIC)) {
            int end = bytes.length;
            while (end > 0 && bytes[end - 1] == 0) {
                end--;
            }
            return Arrays.equals(bytes, Math.max(0, end - JPEG_END.length), end, JPEG_END, 0, JPEG_END.length)
                    ? AV_CODEC_ID_MJPEG : -1;
        }
        return startsWith(bytes, PNG_MAGIC) && endsWith(bytes, PNG_END) ? AV_CODEC_ID_PNG : -1;
    }

    private static String format(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new FrameDecodeException("expected JPEG or PNG bytes, got an empty body");
        }
        if (startsWith(bytes, JPEG_MAGIC)) {
            return "JPEG";
        }
        if (startsWith(bytes, PNG_MAGIC)) {
            return "PNG";
        }
        throw new FrameDecodeException("expected JPEG or PNG bytes, got " + bytes.length + " bytes starting " + head(bytes));
    }

    private static boolean startsWith(byte[] bytes, byte[] magic) {
        return bytes.length >= magic.length && Arrays.equals(bytes, 0, magic.length, magic, 0, magic.length);
    }

    private static boolean endsWith(byte[] bytes, byte[] tail) {
        return bytes.length >= tail.length
                && Arrays.equals(bytes, bytes.length - tail.length, bytes.length, tail, 0, tail.length);
    }

    private static String head(byte[] bytes) {
        StringBuilder shown = new StringBuilder();
        for (int i = 0; i < Math.min(SHOWN_BYTES, bytes.length); i++) {
            shown.append(i == 0 ? "" : " ").append(String.format(Locale.ROOT, "0x%02X", bytes[i]));
        }
        return bytes.length > SHOWN_BYTES ? shown.append('…').toString() : shown.toString();
    }
}
