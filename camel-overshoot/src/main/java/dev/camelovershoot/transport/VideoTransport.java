package dev.camelovershoot.transport;

import dev.camelovershoot.client.Transport;
import dev.camelovershoot.media.I420Frame;

/** A {@link Transport} that carries the frames its user publishes. */
public interface VideoTransport extends Transport, AutoCloseable {

    /**
     * Sends one frame. The caller keeps owning the frame and closes it afterwards.
     *
     * @return false when the frame was dropped: not connected (yet), above the publish rate, or the encoder is behind
     */
    boolean publish(I420Frame frame);

    /** Whether the video is connected, so a frame {@link #publish} refuses was above the rate or behind. */
    boolean isLive();

    /** Releases the transport's native resources; call after the session closed. Idempotent. */
    @Override
    void close();
}
