package dev.camelovershoot.transport.rtc;

import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.RTCRtpTransceiver;
import dev.onvoid.webrtc.media.video.I420Buffer;
import dev.onvoid.webrtc.media.video.VideoFrame;
import dev.onvoid.webrtc.media.video.VideoTrack;
import dev.onvoid.webrtc.media.video.VideoTrackSink;

/**
 * The receiving end of a video call, as a media server would be: it answers, decodes the first video track it gets
 * and hands each decoded frame to a {@link DecodedFrames} callback. The idea is meant for the emulator's receiver;
 * it stays test code until then.
 */
final class ReceivingPeer extends TestPeer implements VideoTrackSink {

    /** Receives each decoded frame; the buffer is only valid during the call. */
    interface DecodedFrames {
        void onFrame(I420Buffer frame, long receivedNanos);
    }

    private final DecodedFrames decoded;
    private VideoTrack track;

    ReceivingPeer(PeerConnectionFactory factory, DecodedFrames decoded) {
        super(factory);
        this.decoded = decoded;
    }

    @Override
    public synchronized void onTrack(RTCRtpTransceiver transceiver) {
        if (track == null && transceiver.getReceiver().getTrack() instanceof VideoTrack video) {
            track = video;
            track.addSink(this);
        }
    }

    @Override
    public void onVideoFrame(VideoFrame frame) {
        long receivedNanos = System.nanoTime();
        try {
            // toI420() returns the frame's own buffer here (webrtc-java hands sinks I420 buffers): nothing else to release
            decoded.onFrame(frame.buffer.toI420(), receivedNanos);
        } finally {
            // without this, every decoded frame's native memory leaks
            frame.release();
        }
    }

    /** Stops receiving frames, then closes the connection; the remote track belongs to the connection. */
    @Override
    public void close() {
        synchronized (this) {
            if (track != null) {
                track.removeSink(this);
                track = null;
            }
        }
        super.close();
    }
}
