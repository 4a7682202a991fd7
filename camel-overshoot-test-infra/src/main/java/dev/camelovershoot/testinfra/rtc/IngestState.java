package dev.camelovershoot.testinfra.rtc;

/** Connection state of an ingest peer connection (ICE and DTLS together), as WebRTC reports it. */
public enum IngestState {
    CONNECTING, CONNECTED, DISCONNECTED, FAILED, CLOSED;

    /** Failed and closed connections never carry media again; a disconnected one may still recover. */
    public boolean isTerminal() {
        return this == FAILED || this == CLOSED;
    }
}
