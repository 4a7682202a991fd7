package dev.camelovershoot.testinfra.server;

/**
 * The validated {@code source} of a create request.
 *
 * @param type  {@code native}, {@code webrtc} or {@code livekit}
 * @param sdp   the offer of a legacy WebRTC source
 * @param url   the server URL of a user-managed LiveKit room
 * @param token the publish token of a user-managed LiveKit room
 */
record StreamSource(String type, String sdp, String url, String token) {

    static final StreamSource NATIVE = new StreamSource("native", null, null, null);

    @Override
    public String toString() {
        return "StreamSource[type=" + type + (url != null ? ", url=" + url : "") + "]";
    }
}
