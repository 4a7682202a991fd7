package dev.camelovershoot.testinfra.rtc;

import dev.camelovershoot.testinfra.frames.I420Planes;

/**
 * What an {@link IngestPeer} reports. Frames arrive on a WebRTC decoder thread, everything else on the runtime's
 * event thread, in order. Callbacks must not block; none of them may close the peer from a frame callback.
 */
public interface IngestListener {

    /** A decoded frame of the received video track; the planes are valid only during this call. */
    void onFrame(I420Planes frame);

    /** A local ICE candidate to trickle to the remote peer. */
    default void onLocalCandidate(IceCandidate candidate) {
    }

    /** The peer connection changed state. Not reported after the peer was closed locally. */
    default void onConnectionState(IngestState state) {
    }
}
