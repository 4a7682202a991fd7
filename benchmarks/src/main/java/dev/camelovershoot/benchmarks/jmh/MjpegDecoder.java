package dev.camelovershoot.benchmarks.jmh;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_MJPEG;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.BytePointer;

/**
 * JPEG decoding through FFmpeg's mjpeg decoder, the alternative to ImageIO measured next to it: the picture stays in
 * native memory in the JPEG's own YUV layout, so the converter only has to copy it (and expand the colour range).
 * One per stream, reusing its packet memory and the decoder's frame pool.
 */
final class MjpegDecoder implements AutoCloseable {

    /** Room FFmpeg's bitstream readers may read past the end of the data. */
    private static final int PADDING = 64;

    private final AVCodecContext context;
    private final AVPacket packet = av_packet_alloc();
    private final AVFrame picture = av_frame_alloc();
    private BytePointer data = new BytePointer(0L);

    MjpegDecoder() {
        AVCodec codec = avcodec_find_decoder(AV_CODEC_ID_MJPEG);
        context = avcodec_alloc_context3(codec);
        if (avcodec_open2(context, codec, (AVDictionary) null) < 0) {
            throw new IllegalStateException("could not open FFmpeg's mjpeg decoder");
        }
    }

    /** The decoded picture, valid until the next call. */
    AVFrame decode(byte[] jpeg) {
        if (data.capacity() < jpeg.length + PADDING) {
            data.close();
            data = new BytePointer((long) jpeg.length + PADDING).fill(0);
        }
        data.position(0).put(jpeg, 0, jpeg.length);
        packet.data(data).size(jpeg.length);
        check(avcodec_send_packet(context, packet), "send");
        check(avcodec_receive_frame(context, picture), "receive");
        return picture;
    }

    @Override
    public void close() {
        avcodec_free_context(context);
        av_packet_free(packet);
        av_frame_free(picture);
        data.close();
    }

    private static void check(int result, String step) {
        if (result < 0) {
            throw new IllegalStateException("mjpeg " + step + " failed: " + result);
        }
    }
}
