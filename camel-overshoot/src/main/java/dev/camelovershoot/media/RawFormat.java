package dev.camelovershoot.media;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_RGB24;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_RGBA;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;

/** Layouts of uncompressed frame bytes: tightly packed rows, no padding. */
public enum RawFormat {

    /** 3 bytes a pixel: red, green, blue. */
    RGB(AV_PIX_FMT_RGB24),
    /** 4 bytes a pixel: red, green, blue, alpha (alpha is ignored). */
    RGBA(AV_PIX_FMT_RGBA),
    /** 3 bytes a pixel: blue, green, red (OpenCV's and JavaCV's order). */
    BGR(AV_PIX_FMT_BGR24),
    /** Planar Y, then U, then V; chroma planes are half width and half height, rounded up. */
    I420(AV_PIX_FMT_YUV420P);

    private final int pixelFormat;

    RawFormat(int pixelFormat) {
        this.pixelFormat = pixelFormat;
    }

    /** Bytes a frame of this size occupies. */
    public long frameBytes(int width, int height) {
        long pixels = (long) width * height;
        return switch (this) {
            case RGB, BGR -> 3 * pixels;
            case RGBA -> 4 * pixels;
            case I420 -> pixels + 2L * I420Frame.chromaSize(width) * I420Frame.chromaSize(height);
        };
    }

    /** Row stride of the first (or only) plane. */
    int stride(int width) {
        return switch (this) {
            case RGB, BGR -> 3 * width;
            case RGBA -> 4 * width;
            case I420 -> width;
        };
    }

    /** FFmpeg's {@code AVPixelFormat}. */
    int pixelFormat() {
        return pixelFormat;
    }
}
