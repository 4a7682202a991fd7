package dev.camelovershoot.benchmarks.jmh;

import dev.camelovershoot.media.FrameConverter;
import dev.camelovershoot.media.I420Frame;
import dev.camelovershoot.media.RawFormat;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.ByteBuffer;

/** One picture at one resolution, in every representation the inputs need. */
record Scene(int width, int height, BufferedImage bgr) {

    /** {@code resolution} as {@code WIDTHxHEIGHT}. */
    static Scene of(String resolution) {
        String[] size = resolution.split("x");
        int width = Integer.parseInt(size[0]);
        int height = Integer.parseInt(size[1]);
        return new Scene(width, height, Pictures.scene(width, height, BufferedImage.TYPE_3BYTE_BGR));
    }

    /** ImageIO's default JPEG quality (0.75) and chroma subsampling (4:2:0), as most cameras and encoders produce. */
    byte[] jpeg() {
        return Pictures.encode(bgr, "jpeg");
    }

    byte[] png() {
        return Pictures.encode(bgr, "png");
    }

    BufferedImage image(int type) {
        BufferedImage image = new BufferedImage(width, height, type);
        Graphics2D g = image.createGraphics();
        try {
            g.drawImage(bgr, 0, 0, null);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Blue, green, red rows, tightly packed. */
    byte[] bgrBytes() {
        return ((DataBufferByte) bgr.getRaster().getDataBuffer()).getData().clone();
    }

    byte[] raw(RawFormat format) {
        return switch (format) {
            case BGR -> bgrBytes();
            case RGB -> packed(3);
            case RGBA -> packed(4);
            case I420 -> i420();
        };
    }

    /** Red, green, blue (and opaque alpha when {@code bytesPerPixel} is 4). */
    private byte[] packed(int bytesPerPixel) {
        byte[] source = bgrBytes();
        byte[] out = new byte[width * height * bytesPerPixel];
        for (int pixel = 0; pixel < width * height; pixel++) {
            int from = 3 * pixel;
            int to = bytesPerPixel * pixel;
            out[to] = source[from + 2];
            out[to + 1] = source[from + 1];
            out[to + 2] = source[from];
            if (bytesPerPixel == 4) {
                out[to + 3] = (byte) 0xFF;
            }
        }
        return out;
    }

    /** Converted once by the converter under test; only the bytes are used afterwards. */
    private byte[] i420() {
        byte[] out = new byte[Math.toIntExact(RawFormat.I420.frameBytes(width, height))];
        try (FrameConverter converter = FrameConverter.atInputSize();
             I420Frame frame = converter.fromImage(bgr, 0)) {
            int at = copyPlane(frame.y(), frame.strideY(), width, height, out, 0);
            at = copyPlane(frame.u(), frame.strideU(), frame.chromaWidth(), frame.chromaHeight(), out, at);
            copyPlane(frame.v(), frame.strideV(), frame.chromaWidth(), frame.chromaHeight(), out, at);
        }
        return out;
    }

    private static int copyPlane(ByteBuffer plane, int stride, int rowBytes, int rows, byte[] out, int at) {
        for (int row = 0; row < rows; row++) {
            plane.get(row * stride, out, at + row * rowBytes, rowBytes);
        }
        return at + rows * rowBytes;
    }
}
