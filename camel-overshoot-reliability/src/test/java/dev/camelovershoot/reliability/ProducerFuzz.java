package dev.camelovershoot.reliability;

import dev.camelovershoot.component.OvershootConstants;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random, truncated, corrupted, oversized and mistyped bodies and headers for the producer, from a seed, so that a
 * failure can be replayed.
 */
final class ProducerFuzz {

    /** One exchange's input. */
    record Input(String kind, Object body, Map<String, Object> headers) {
    }

    private static final List<String> FORMATS = List.of("RGB", "RGBA", "BGR", "I420", "", "rgb", "YUYV", "NV12",
            "I420 ", "\u0000");
    private static final List<Object> ODD_NUMBERS = List.of(0, -1, 1, 2, 3, 65_535, 100_000, Integer.MAX_VALUE,
            Integer.MIN_VALUE, Long.MAX_VALUE, 1.5, Double.NaN, "640", "abc", "", List.of(640), new Object());

    private final Random random;
    private final byte[] jpeg;
    private final byte[] png;

    ProducerFuzz(long seed, byte[] jpeg, byte[] png) {
        this.random = new Random(seed);
        this.jpeg = jpeg;
        this.png = png;
    }

    Input next() {
        return switch (random.nextInt(12)) {
            case 0 -> new Input("random bytes", bytes(random.nextInt(64 * 1024)), Map.of());
            case 1 -> new Input("truncated JPEG", Arrays.copyOf(jpeg, random.nextInt(jpeg.length)), Map.of());
            case 2 -> new Input("corrupted JPEG", corrupt(jpeg), Map.of());
            case 3 -> new Input("truncated PNG", Arrays.copyOf(png, random.nextInt(png.length)), Map.of());
            case 4 -> new Input("oversized", random.nextInt(20) == 0 ? bytes(8 * 1024 * 1024) : oversizedHeader(),
                    Map.of());
            case 5 -> new Input("raw frame, odd headers", bytes(random.nextInt(4096)), rawHeaders());
            case 6 -> new Input("mistyped body", mistypedBody(), Map.of());
            case 7 -> new Input("mistyped headers", jpeg, mistypedHeaders());
            case 8 -> new Input("unknown operation", jpeg, Map.of(OvershootConstants.OPERATION, pick(
                    List.of("publish", "PUBLISHFRAME", "", "updatePrompt ", 42, List.of("publishFrame")))));
            case 9 -> new Input("stream", new ByteArrayInputStream(random.nextBoolean() ? bytes(2048)
                    : Arrays.copyOf(jpeg, jpeg.length / 2)), Map.of());
            case 10 -> new Input("missing file", random.nextBoolean() ? new File("/nonexistent/frame.jpg")
                    : Path.of("/proc/self"), Map.of());
            default -> new Input("JPEG with raw headers", jpeg, rawHeaders());
        };
    }

    private byte[] bytes(int length) {
        byte[] out = new byte[length];
        random.nextBytes(out);
        return out;
    }

    private byte[] corrupt(byte[] source) {
        byte[] out = source.clone();
        for (int i = 0, n = 1 + random.nextInt(50); i < n; i++) {
            out[random.nextInt(out.length)] = (byte) random.nextInt(256);
        }
        return out;
    }

    /** A JPEG start claiming a huge image, then noise. */
    private byte[] oversizedHeader() {
        byte[] out = bytes(1024 + random.nextInt(1024 * 1024));
        System.arraycopy(jpeg, 0, out, 0, Math.min(jpeg.length, 64));
        return out;
    }

    private Map<String, Object> rawHeaders() {
        Map<String, Object> headers = new HashMap<>();
        headers.put(OvershootConstants.FRAME_WIDTH, pick(ODD_NUMBERS));
        headers.put(OvershootConstants.FRAME_HEIGHT, pick(ODD_NUMBERS));
        headers.put(OvershootConstants.FRAME_FORMAT, pick(FORMATS));
        if (random.nextInt(4) == 0) {
            headers.remove(pick(List.copyOf(headers.keySet())));
        }
        return headers;
    }

    private Map<String, Object> mistypedHeaders() {
        Map<String, Object> headers = new HashMap<>();
        headers.put(OvershootConstants.FRAME_FORMAT, pick(List.of(7, List.of("RGB"), new Object(), "JPEG")));
        headers.put(OvershootConstants.FRAME_WIDTH, pick(ODD_NUMBERS));
        return headers;
    }

    private Object mistypedBody() {
        return pick(List.of("not a frame", "", 42, 3.14, Boolean.TRUE, Map.of("frame", "x"), List.of(1, 2, 3),
                new char[] {'a'}, new Object(), new int[16], new StringBuilder("x")));
    }

    private <T> T pick(List<? extends T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
