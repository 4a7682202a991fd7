package dev.camelovershoot.testinfra;

/**
 * What the emulator knows about one stream at the moment of the call.
 *
 * @param sourceType    {@code native}, {@code webrtc} or {@code livekit}
 * @param endReason     why the stream ended ({@code client_requested}, {@code lease_expired}, ...), {@code null} while
 *                      it runs
 * @param keepalives    keepalives answered with 200
 * @param resultsSent   results pushed to at least one results socket
 * @param resultSockets open, authenticated results sockets
 */
public record StreamSnapshot(String id, String apiKey, String sourceType, String mode, String prompt, String model,
                             boolean ended, String endReason, int keepalives, long framesReceived, int resultsSent,
                             int resultSockets) {
}
