package dev.camelovershoot.benchmarks.jmh;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;

import dev.camelovershoot.media.FrameConverter;
import dev.camelovershoot.media.I420Frame;
import dev.camelovershoot.media.RawFormat;
import java.nio.Buffer;
import java.nio.ByteBuffer;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacv.Frame;

/** JavaCV frames as users' code and {@code FFmpegFrameGrabber} hand them to the producer. */
final class JavaCvFrames {

    private static final int ALIGNMENT = 32;

    private JavaCvFrames() {
    }

    /** An 8-bit, 3-channel frame (BGR by JavaCV's convention) in native memory. */
    static Conversion bgr(Scene scene) {
        Frame frame = new Frame(scene.width(), scene.height(), Frame.DEPTH_UBYTE, 3);
        byte[] pixels = scene.bgrBytes();
        ByteBuffer image = (ByteBuffer) frame.image[0];
        int rowBytes = 3 * scene.width();
        for (int row = 0; row < scene.height(); row++) {
            image.put(row * frame.imageStride, pixels, row * rowBytes, rowBytes);
        }
        return javaCv(frame, frame::close);
    }

    /** A decoded yuv420p picture, wrapped as the grabber wraps it in raw mode: the {@code AVFrame} as opaque. */
    static Conversion decodedYuv420p(Scene scene) {
        AVFrame picture = yuv420p(scene);
        return javaCv(wrap(picture), () -> av_frame_free(picture));
    }

    private static Conversion javaCv(Frame frame, Runnable release) {
        return new Conversion() {
            @Override
            public I420Frame convert(FrameConverter converter, long timestamp) {
                return converter.fromJavaCv(frame, timestamp);
            }

            @Override
            public void close() {
                release.run();
            }
        };
    }

    /** A video frame around a decoder's picture, as {@code FFmpegFrameGrabber} builds it in raw mode. */
    private static Frame wrap(AVFrame picture) {
        Frame frame = new Frame();
        frame.imageWidth = picture.width();
        frame.imageHeight = picture.height();
        frame.imageDepth = Frame.DEPTH_UBYTE;
        frame.imageChannels = 1;
        frame.imageStride = picture.linesize(0);
        frame.image = new Buffer[] {picture.data(0).capacity((long) picture.linesize(0) * picture.height()).asBuffer()};
        frame.opaque = picture;
        frame.type = Frame.Type.VIDEO;
        return frame;
    }

    private static AVFrame yuv420p(Scene scene) {
        AVFrame picture = av_frame_alloc();
        picture.format(AV_PIX_FMT_YUV420P).width(scene.width()).height(scene.height());
        if (av_frame_get_buffer(picture, ALIGNMENT) < 0) {
            av_frame_free(picture);
            throw new IllegalStateException("could not allocate a " + scene.width() + "x" + scene.height() + " AVFrame");
        }
        byte[] i420 = scene.raw(RawFormat.I420);
        int chromaWidth = (scene.width() + 1) / 2;
        int chromaHeight = (scene.height() + 1) / 2;
        int at = fill(picture, 0, i420, 0, scene.width(), scene.height());
        at = fill(picture, 1, i420, at, chromaWidth, chromaHeight);
        fill(picture, 2, i420, at, chromaWidth, chromaHeight);
        return picture;
    }

    private static int fill(AVFrame picture, int plane, byte[] source, int at, int rowBytes, int rows) {
        int stride = picture.linesize(plane);
        for (int row = 0; row < rows; row++) {
            // data(plane) is a fresh pointer each call: its position is this row's alone
            picture.data(plane).position((long) row * stride).put(source, at + row * rowBytes, rowBytes);
        }
        return at + rows * rowBytes;
    }
}
