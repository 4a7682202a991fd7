package dev.camelovershoot.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.camelovershoot.testinfra.frames.TestImages;
import dev.camelovershoot.testinfra.inference.Palette;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.bytedeco.javacv.Frame;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class FrameConverterTest {

    private final FrameConverter converter = FrameConverter.atInputSize();

    @AfterEach
    void closeConverter() {
        converter.close();
    }

    @Test
    void decodesJpegIntoI420OfTheSameSizeAndColour() {
        try (I420Frame frame = converter.fromEncodedImage(encode(TestImages.solid(64, 48, "red"), "jpg"), 7)) {
            assertThat(frame.width()).isEqualTo(64);
            assertThat(frame.height()).isEqualTo(48);
            assertThat(frame.timestampNanos()).isEqualTo(7);
            assertThat(FrameColours.colour(frame)).isEqualTo("red");
        }
    }

    /**
     * JPEG and PNG go through FFmpeg's decoders; ImageIO's decoding of the same bytes is the reference. A smooth
     * picture: at sharp colour edges JPEG's chroma differs by design (ImageIO's is upsampled to RGB and subsampled
     * again).
     */
    @ParameterizedTest
    @CsvSource({"jpg, " + BufferedImage.TYPE_3BYTE_BGR, "jpg, " + BufferedImage.TYPE_BYTE_GRAY,
        "png, " + BufferedImage.TYPE_3BYTE_BGR, "png, " + BufferedImage.TYPE_INT_ARGB,
        "png, " + BufferedImage.TYPE_BYTE_INDEXED})
    void decodesAsImageIoDoesIncludingOddSizes(String format, int type) throws IOException {
        byte[] encoded = encode(smoothGradient(321, 241, type), format);
        try (I420Frame decoded = converter.fromEncodedImage(encoded, 0);
             I420Frame reference = converter.fromImage(ImageIO.read(new ByteArrayInputStream(encoded)), 0)) {
            assertThat(decoded.width()).isEqualTo(321);
            assertThat(decoded.chromaHeight()).isEqualTo(121);
            assertThat(meanDifference(decoded.y(), reference.y(), decoded.strideY(), 321, 241)).isLessThan(1.5);
            assertThat(meanDifference(decoded.u(), reference.u(), decoded.strideU(), 161, 121)).isLessThan(1.5);
            assertThat(meanDifference(decoded.v(), reference.v(), decoded.strideV(), 161, 121)).isLessThan(1.5);
        }
    }

    @Test
    void decodesJpegPaddedWithZerosAfterItsEnd() {
        byte[] jpeg = encode(TestImages.solid(64, 48, "green"), "jpg");
        try (I420Frame frame = converter.fromEncodedImage(Arrays.copyOf(jpeg, jpeg.length + 100), 0)) {
            assertThat(FrameColours.colour(frame)).isEqualTo("green");
        }
    }

    @Test
    void decodesPngWithAlpha() {
        BufferedImage argb = new BufferedImage(30, 20, BufferedImage.TYPE_INT_ARGB);
        paint(argb, "blue");
        try (I420Frame frame = converter.fromEncodedImage(encode(argb, "png"), 0)) {
            assertThat(FrameColours.colour(frame)).isEqualTo("blue");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_4BYTE_ABGR, BufferedImage.TYPE_INT_RGB,
        BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_INT_BGR, BufferedImage.TYPE_BYTE_INDEXED,
        BufferedImage.TYPE_USHORT_565_RGB})
    void convertsEveryImageType(int type) {
        BufferedImage image = new BufferedImage(40, 30, type);
        paint(image, "green");
        try (I420Frame frame = converter.fromImage(image, 0)) {
            assertThat(FrameColours.colour(frame)).isEqualTo("green");
        }
    }

    @Test
    void convertsGrayImages() {
        BufferedImage gray = new BufferedImage(16, 16, BufferedImage.TYPE_BYTE_GRAY);
        paint(gray, "white");
        try (I420Frame frame = converter.fromImage(gray, 0)) {
            assertThat(FrameColours.colour(frame)).isEqualTo("white");
        }
    }

    @Test
    void convertsOnlyTheSubImage() {
        BufferedImage image = TestImages.solid(40, 20, "red");
        Graphics2D g = image.createGraphics();
        g.setColor(Color.BLUE);
        g.fillRect(20, 0, 20, 20);
        g.dispose();
        try (I420Frame frame = converter.fromImage(image.getSubimage(20, 0, 20, 20), 0)) {
            assertThat(frame.width()).isEqualTo(20);
            assertThat(FrameColours.colour(frame)).isEqualTo("blue");
        }
    }

    @ParameterizedTest
    @EnumSource(RawFormat.class)
    void convertsRawBytesIncludingOddSizes(RawFormat format) {
        try (I420Frame frame = converter.fromRaw(raw(format, 33, 17, "magenta"), format, 33, 17, 0)) {
            assertThat(frame.width()).isEqualTo(33);
            assertThat(frame.chromaWidth()).isEqualTo(17);
            assertThat(frame.chromaHeight()).isEqualTo(9);
            assertThat(FrameColours.colour(frame)).isEqualTo("magenta");
        }
    }

    @ParameterizedTest
    @EnumSource(RawFormat.class)
    void scalesToTheRequestedSizeKeepingLayout(RawFormat format) {
        try (FrameConverter scaling = FrameConverter.scalingTo(32, 24);
             I420Frame frame = scaling.fromRaw(leftRedRightBlue(format, 640, 480), format, 640, 480, 0)) {
            assertThat(frame.width()).isEqualTo(32);
            assertThat(frame.height()).isEqualTo(24);
            assertThat(FrameColours.colour(frame, 2, 2, 12, 20)).isEqualTo("red");
            assertThat(FrameColours.colour(frame, 18, 2, 12, 20)).isEqualTo("blue");
        }
    }

    @Test
    void scalesDecodedImages() {
        try (FrameConverter scaling = FrameConverter.scalingTo(320, 240);
             I420Frame frame = scaling.fromEncodedImage(encode(TestImages.solid(64, 48, "yellow"), "jpg"), 0)) {
            assertThat(frame.width()).isEqualTo(320);
            assertThat(FrameColours.colour(frame)).isEqualTo("yellow");
        }
    }

    @Test
    void convertsJavaCvFramesByChannelConvention() {
        try (Frame bgr = new Frame(16, 10, Frame.DEPTH_UBYTE, 3); Frame gray = new Frame(16, 10, Frame.DEPTH_UBYTE, 1)) {
            fill((ByteBuffer) bgr.image[0], new byte[] {(byte) 255, 0, 0});
            fill((ByteBuffer) gray.image[0], new byte[] {0});
            bgr.timestamp = 1_500;
            try (I420Frame blue = converter.fromJavaCv(bgr); I420Frame black = converter.fromJavaCv(gray)) {
                assertThat(FrameColours.colour(blue)).isEqualTo("blue");
                assertThat(blue.timestampNanos()).isEqualTo(1_500_000);
                assertThat(FrameColours.colour(black)).isEqualTo("black");
            }
        }
    }

    @Test
    void refusesJavaCvFramesWithoutImageOrOfUnknownLayout() {
        try (Frame audio = new Frame(); Frame floats = new Frame(4, 4, Frame.DEPTH_FLOAT, 3)) {
            assertThatThrownBy(() -> converter.fromJavaCv(audio))
                    .isInstanceOf(FrameDecodeException.class).hasMessageContaining("without an image");
            assertThatThrownBy(() -> converter.fromJavaCv(floats))
                    .isInstanceOf(FrameDecodeException.class)
                    .hasMessageContaining("expected an 8-bit JavaCV frame with 1 (gray), 3 (BGR) or 4 (RGBA) channels");
        }
    }

    @Test
    void refusesAnEmptyBody() {
        assertThatThrownBy(() -> converter.fromEncodedImage(new byte[0], 0))
                .isInstanceOf(FrameDecodeException.class)
                .hasMessage("expected JPEG or PNG bytes, got an empty body");
    }

    @Test
    void refusesBytesThatAreNotAnImage() {
        byte[] text = "JUNK data, not JPEG".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> converter.fromEncodedImage(text, 0))
                .isInstanceOf(FrameDecodeException.class)
                .hasMessage("expected JPEG or PNG bytes, got 19 bytes starting 0x4A 0x55 0x4E 0x4B 0x20 0x64 0x61 0x74…");
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 10})
    void refusesATruncatedJpeg(int keptFraction) {
        byte[] jpeg = encode(gradient(), "jpg");
        byte[] truncated = Arrays.copyOf(jpeg, jpeg.length / keptFraction);
        assertThatThrownBy(() -> converter.fromEncodedImage(truncated, 0))
                .isInstanceOf(FrameDecodeException.class)
                .hasMessageMatching("(truncated or corrupt|could not decode) JPEG \\(" + truncated.length + " bytes\\): .+");
    }

    @Test
    void refusesATruncatedPng() {
        byte[] png = Arrays.copyOf(encode(gradient(), "png"), 5000);
        assertThatThrownBy(() -> converter.fromEncodedImage(png, 0))
                .isInstanceOf(FrameDecodeException.class)
                .hasMessage("truncated PNG (5000 bytes): it does not end with an IEND chunk");
    }

    @Test
    void refusesRawBytesOfTheWrongSize() {
        assertThatThrownBy(() -> converter.fromRaw(new byte[1000], RawFormat.RGB, 640, 480, 0))
                .isInstanceOf(FrameDecodeException.class)
                .hasMessage("raw RGB frame of 640x480 needs 921600 bytes, got 1000");
        assertThatThrownBy(() -> converter.fromRaw(new byte[0], RawFormat.I420, 0, 480, 0))
                .isInstanceOf(FrameDecodeException.class)
                .hasMessage("raw I420 frame size must be positive, got 0x480");
    }

    @Test
    void aSteadyStreamAllocatesNoNativeMemoryAfterItsFirstFrame() {
        byte[] jpeg = encode(TestImages.solid(320, 240, "cyan"), "jpg");
        byte[] rgb = raw(RawFormat.RGB, 320, 240, "cyan");
        try (FrameConverter scaling = FrameConverter.scalingTo(160, 120)) {
            scaling.fromEncodedImage(jpeg, 0).close();
            scaling.fromRaw(rgb, RawFormat.RGB, 320, 240, 0).close();
            long afterWarmUp = scaling.nativeAllocations();
            for (int i = 0; i < 50; i++) {
                scaling.fromEncodedImage(jpeg, i).close();
                scaling.fromRaw(rgb, RawFormat.RGB, 320, 240, i).close();
            }
            assertThat(scaling.nativeAllocations()).isEqualTo(afterWarmUp);
        }
    }

    @Test
    void framesHeldOpenAreNotOverwrittenByLaterFrames() {
        try (I420Frame red = converter.fromImage(TestImages.solid(8, 8, "red"), 0);
             I420Frame blue = converter.fromImage(TestImages.solid(8, 8, "blue"), 1)) {
            assertThat(FrameColours.colour(red)).isEqualTo("red");
            assertThat(FrameColours.colour(blue)).isEqualTo("blue");
        }
    }

    private static BufferedImage gradient() {
        BufferedImage image = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 240; y++) {
            for (int x = 0; x < 320; x++) {
                image.setRGB(x, y, (x * 7 + y * 3) & 0xFFFFFF);
            }
        }
        return image;
    }

    /** Red across, green down, blue constant: every colour channel varies slowly. */
    private static BufferedImage smoothGradient(int width, int height, int type) {
        BufferedImage image = new BufferedImage(width, height, type);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, (x * 255 / width) << 16 | (y * 255 / height) << 8 | 0x60);
            }
        }
        return image;
    }

    /** Mean absolute difference of two planes' samples, in levels. */
    private static double meanDifference(ByteBuffer plane, ByteBuffer reference, int stride, int width, int rows) {
        long sum = 0;
        for (int row = 0; row < rows; row++) {
            for (int x = 0; x < width; x++) {
                sum += Math.abs(Byte.toUnsignedInt(plane.get(row * stride + x))
                        - Byte.toUnsignedInt(reference.get(row * stride + x)));
            }
        }
        return (double) sum / (width * rows);
    }

    private static void paint(BufferedImage image, String colour) {
        int[] rgb = Palette.rgb(colour);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(rgb[0], rgb[1], rgb[2]));
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.dispose();
    }

    private static byte[] encode(BufferedImage image, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] raw(RawFormat format, int width, int height, String colour) {
        return leftAndRight(format, width, height, colour, colour);
    }

    private static byte[] leftRedRightBlue(RawFormat format, int width, int height) {
        return leftAndRight(format, width, height, "red", "blue");
    }

    /** Raw bytes whose left half is one colour and right half another, via a converter-independent encoder. */
    private static byte[] leftAndRight(RawFormat format, int width, int height, String left, String right) {
        BufferedImage image = TestImages.solid(width, height, left);
        int[] rgb = Palette.rgb(right);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(rgb[0], rgb[1], rgb[2]));
        g.fillRect(width / 2, 0, width - width / 2, height);
        g.dispose();
        return RawFrames.encode(image, format);
    }

    private static void fill(ByteBuffer pixels, byte[] pixel) {
        for (int i = 0; i < pixels.capacity(); i++) {
            pixels.put(i, pixel[i % pixel.length]);
        }
    }
}
