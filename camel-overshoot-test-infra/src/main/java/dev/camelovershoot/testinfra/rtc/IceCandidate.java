package dev.camelovershoot.testinfra.rtc;

/**
 * One ICE candidate as signalled between peers.
 *
 * @param sdpMid        media section id the candidate belongs to
 * @param sdpMLineIndex index of that media section
 * @param candidate     the {@code candidate:...} attribute value
 */
public record IceCandidate(String sdpMid, int sdpMLineIndex, String candidate) {
}
