package dev.camelovershoot.testinfra.rtc;

/** One legacy WebRTC ingest: the answer to the client's offer and the peer connection receiving its video. */
public final class LegacyWebRtcSession implements AutoCloseable {

    private final IngestPeer peer;
    private final String answerSdp;

    LegacyWebRtcSession(IngestPeer peer, String answerSdp) {
        this.peer = peer;
        this.answerSdp = answerSdp;
    }

    /** The SDP answer for the client, with all server candidates in it (legacy clients cannot trickle). */
    public String answerSdp() {
        return answerSdp;
    }

    /** Closes the peer connection; idempotent, no further callbacks. */
    @Override
    public void close() {
        peer.close();
    }
}
