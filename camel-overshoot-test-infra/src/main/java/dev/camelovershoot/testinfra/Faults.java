package dev.camelovershoot.testinfra;

import dev.camelovershoot.testinfra.server.EmulatorServer;
import java.time.Duration;

/** Failures a test can inject into a running emulator, each the way the real service would show it. */
public final class Faults {

    private final EmulatorServer server;

    Faults(EmulatorServer server) {
        this.server = server;
    }

    /** Aborts the stream's results sockets without a close frame: clients see an abnormal close (1006). */
    public void dropResultSockets(String streamId) {
        server.dropResultSockets(streamId);
    }

    /**
     * Closes the stream's results sockets with this close code and reason, the stream running on: what a server
     * going away in a deploy sends (1001 {@code Server shutting down}), which a client must take as a drop.
     */
    public void closeResultSockets(String streamId, int code, String reason) {
        server.closeResultSockets(streamId, code, reason);
    }

    /**
     * The next {@code count} keepalive calls (on any stream) answer {@code status} with a proper error body and do
     * not renew the lease. A 402 also makes the lease lapse as {@code insufficient_credits}.
     */
    public void failNextKeepalives(int count, int status) {
        server.failNextKeepalives(count, status);
    }

    /** The next {@code count} keepalive calls answer normally, after {@code delay}. */
    public void delayNextKeepalives(int count, Duration delay) {
        server.delayNextKeepalives(count, delay);
    }

    /** Every stream deletion ({@code DELETE /streams/{id}}) answers after {@code delay}; zero answers at once. */
    public void delayDeletes(Duration delay) {
        server.delayDeletes(delay);
    }

    /**
     * Sends {@code text} as it is to the stream's results sockets, in place of a result: a malformed or unexpected
     * message a client must survive. It does not count as a result sent.
     */
    public void sendRawResultMessage(String streamId, String text) {
        server.sendRawResultMessage(streamId, text);
    }

    /**
     * The next {@code count} successful REST answers (any endpoint) carry {@code body} verbatim instead of their JSON,
     * with their status unchanged: truncated JSON, wrong types or no JSON at all. The calls themselves took effect.
     */
    public void malformNextRestResponses(int count, String body) {
        server.malformNextRestResponses(count, body);
    }

    /**
     * Sends {@code bytes} as one binary message on the signal connection of every participant in the stream's LiveKit
     * room: an unreadable or unexpected signal message a client must survive.
     *
     * @return how many participants it was sent to (0 without WebRTC or without participants)
     */
    public int sendRawSignalMessage(String streamId, byte[] bytes) {
        return server.liveKitRooms() == null ? 0 : server.liveKitRooms().sendRawSignal(streamId, bytes);
    }

    /** The next {@code count} SDP answers of the LiveKit endpoint are not SDP: the client cannot apply them. */
    public void malformNextSdpAnswers(int count) {
        if (server.liveKitRooms() != null) {
            server.liveKitRooms().malformNextAnswers(count);
        }
    }

    /** Ends a stream as the server would: results sockets close 1001 {@code stream ended: <reason>}, later calls 404. */
    public void endStream(String streamId, String reason) {
        server.endStream(streamId, reason);
    }

    /**
     * A deploy: the HTTP server stops and starts again on the same port with every stream kept. Results sockets
     * drop without a close frame, and each stream's inference pauses until its next keepalive recovers it.
     */
    public void restart() {
        server.restart(true);
    }

    /**
     * A deploy that lost all streams: results sockets drop without a close frame and every stream is forgotten, so
     * the next keepalive answers 404. Snapshots show those streams ended with reason {@code server_restart}.
     */
    public void restartLosingState() {
        server.restart(false);
    }
}
