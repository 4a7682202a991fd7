package dev.camelovershoot.media;

import static org.bytedeco.ffmpeg.global.avcodec.AV_EF_EXPLODE;
import static org.bytedeco.ffmpeg.global.avcodec.AV_INPUT_BUFFER_PADDING_SIZE;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_flush_buffers;
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
 * JPEG and PNG decoding through FFmpeg's decoders: JPEG in half ImageIO's time, PNG in about the same, and neither
 * with a heap image per frame, since the picture stays in native memory in the image's own layout, YUV for JPEG
 * (measured by the benchmarks module's {@code FrameConverterBenchmark}). A fast path only: the caller leaves
 * anything it does not decode cleanly to ImageIO, which decodes it or explains the refusal. One per stream and codec: packet memory and the frame pool are reused.
 */
final class FfmpegImageDecoder implements AutoCloseable {

    /** {@code AV_FRAME_FLAG_CORRUPT}: the decoder concealed errors in this picture. */
    private static final int FRAME_FLAG_CORRUPT = 1;

    private final AVCodecContext context;
    private final AVPacket packet = av_packet_alloc();
    private final AVFrame picture = av_frame_alloc();
    private BytePointer data = new BytePointer(0L);
    private long allocations = 1;

    static {
        FfmpegLog.install();
    }

    /** {@code codecId}: FFmpeg's {@code AVCodecID}. */
    FfmpegImageDecoder(int codecId) {
        AVCodec codec = avcodec_find_decoder(codecId);
        context = avcodec_alloc_context3(codec);
        // errors FFmpeg would otherwise conceal fail the decode, so such images reach ImageIO's checks
        context.err_recognition(AV_EF_EXPLODE);
        if (avcodec_open2(context, codec, (AVDictionary) null) < 0) {
            close();
            throw new IllegalStateException("could not open FFmpeg's decoder for codec " + codecId);
        }
    }

    /**
     * The decoded picture, valid until the next call; null when FFmpeg fails or conceals errors. The caller checks
     * that the image is complete: FFmpeg decodes a truncated JPEG without complaint.
     */
    AVFrame decode(byte[] image) {
        packet.data(packetData(image)).size(image.length);
        if (avcodec_send_packet(context, packet) < 0 || avcodec_receive_frame(context, picture) < 0) {
            avcodec_flush_buffers(context);
            return null;
        }
        boolean clean = picture.decode_error_flags() == 0 && (picture.flags() & FRAME_FLAG_CORRUPT) == 0;
        return clean ? picture : null;
    }

    /** Native allocations so far: the decoder, and packet memory whenever a larger image arrives. */
    long allocations() {
        return allocations;
    }

    @Override
    public void close() {
        avcodec_free_context(context);
        av_packet_free(packet);
        av_frame_free(picture);
        data.close();
    }

    /** A copy with the zeroed padding FFmpeg's bitstream readers may read past the end. */
    private BytePointer packetData(byte[] image) {
        if (data.capacity() < image.length + AV_INPUT_BUFFER_PADDING_SIZE) {
            data.close();
            data = new BytePointer((long) image.length + AV_INPUT_BUFFER_PADDING_SIZE);
            allocations++;
        }
        data.position(0).put(image, 0, image.length);
        data.position(image.length).limit((long) image.length + AV_INPUT_BUFFER_PADDING_SIZE).fill(0);
        return data.position(0).limit(data.capacity());
    }
}
