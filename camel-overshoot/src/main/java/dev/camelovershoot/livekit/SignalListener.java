package dev.camelovershoot.livekit;

import livekit.LivekitRtc.LeaveRequest;

/** What a {@link SignalClient} reports, always on its own event thread, in order. */
public interface SignalListener {

    /** A server ICE candidate: an {@code RTCIceCandidateInit} JSON string for the publisher connection. */
    void onRemoteCandidate(String candidateInitJson);

    /** The server asked us to leave: {@code DISCONNECT}, {@code RESUME} or {@code RECONNECT}. */
    void onLeave(LeaveRequest leave);

    /** The signal connection was lost (socket closed or error, or ping timeout) without us closing it. */
    void onSignalLost(String reason);
}
