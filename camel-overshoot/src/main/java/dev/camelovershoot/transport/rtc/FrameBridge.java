package dev.camelovershoot.transport.rtc;

import dev.camelovershoot.media.I420Frame;
import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.media.video.CustomVideoSource;
import dev.onvoid.webrtc.media.video.VideoFrame;
import dev.onvoid.webrtc.media.video.VideoTrack;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds {@link I420Frame}s into a WebRTC video track. Each pushed frame is copied into a native buffer (the only copy
 * between the frame and the encoder); native buffers are reused once the encoder has released them, so a steady
 * stream allocates no native memory per frame.
 *
 * <p>Ownership: the bridge owns its {@link CustomVideoSource}, its {@link VideoTrack} and its native buffers. The
 * caller keeps owning the frames it pushes (close them after {@link #push}), and the peer connections it adds the
 * track to: before {@link #close()}, remove the track from each of them ({@code removeTrack(sender)}) and close them,
 * otherwise libwebrtc refuses to delete the track. Close the bridge before its {@link WebRtcRuntime}.
 */
public final class FrameBridge implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FrameBridge.class);

    private final String trackId;
    private final CustomVideoSource source;
    private final VideoTrack track;
    private final NativeBufferPool buffers = new NativeBufferPool(NativeRefCount.probe());
    private long dropped;
    private boolean closed;

    FrameBridge(PeerConnectionFactory factory, String trackId) {
        this.trackId = trackId;
        source = new CustomVideoSource();
        try {
            track = factory.createVideoTrack(trackId, source);
        } catch (RuntimeException e) {
            source.dispose();
            throw e;
        }
    }

    /** The track to add to peer connections. */
    public VideoTrack track() {
        return track;
    }

    /**
     * Hands a copy of the frame to the track. Frames may change size at any time.
     *
     * @return false when the frame was dropped because the encoder still holds every buffer (it is falling behind)
     */
    public synchronized boolean push(I420Frame frame) {
        if (closed) {
            throw new IllegalStateException("frame bridge for track " + trackId + " is closed");
        }
        NativeBufferPool.Slot slot = buffers.fill(frame);
        if (slot == null) {
            dropped++;
            return false;
        }
        // libwebrtc stamps the frame with its own capture clock; the frame's timestamp is informative only
        source.pushFrame(new VideoFrame(slot.buffer(), frame.timestampNanos()));
        buffers.pushed(slot);
        return true;
    }

    /** Native buffers allocated so far; constant in a steady stream once the encoder's pipeline is full. */
    public synchronized long nativeBufferAllocations() {
        return buffers.allocations();
    }

    /** Frames dropped because every buffer was still in use by the encoder. */
    public synchronized long droppedFrames() {
        return dropped;
    }

    /** Disposes the track, then the source, then drops the pool's buffer references. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            track.dispose();
        } catch (Error e) {
            // webrtc-java throws an Error when a peer connection still sends the track: a caller that did not close
            // its connections first; the source and buffers are released all the same
            LOG.warn("The video track {} is still in use by a peer connection: {}", trackId, e.getMessage());
        } finally {
            source.dispose();
            buffers.close();
        }
    }
}
