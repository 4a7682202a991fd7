package dev.camelovershoot.testinfra.rtc;

import dev.camelovershoot.testinfra.frames.I420Planes;

/** What a {@link LegacyWebRtcSession} reports to the stream it feeds. */
public interface LegacyIngestListener {

    /** A decoded frame; the planes are valid only during this call (runs on a decoder thread). */
    void onFrame(I420Planes frame);

    /**
     * Media is gone for good (the connection failed or the client closed it): legacy WebRTC never reconnects, so the
     * stream should end ({@code webrtc_disconnected}). Called at most once, on the runtime's event thread, after the
     * session has closed its peer connection.
     */
    void onConnectionLost(IngestState state);
}
