package dev.camelovershoot.transport;

/**
 * Told of each reconnect of a transport's own connections, for monitoring. Called on the transport's threads, while
 * it reconnects: keep it short, and do not throw.
 */
@FunctionalInterface
public interface ReconnectListener {

    ReconnectListener NONE = what -> { };

    void onReconnect(Reconnect what);

    /** What was reconnected. */
    enum Reconnect {
        /** A resume of the LiveKit session (signal reconnected, ICE restarted) after the connection was lost. */
        LIVEKIT_RESUME,
        /** A rejoin of the LiveKit room: the server asked, a resume failed, or a join is tried again. */
        LIVEKIT_REJOIN,
        /** A legacy WebRTC connection was lost; it cannot reconnect itself, so the stream is replaced. */
        WEBRTC
    }
}
