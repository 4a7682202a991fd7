package dev.camelovershoot.testinfra.server;

/** How a stream's video reaches its frame store; released when the stream ends. */
interface StreamMedia extends AutoCloseable {

    /** No ingest of the emulator's own: frames come from the test hook, or nowhere. */
    StreamMedia NONE = new StreamMedia() {
    };

    /** A fresh publish token for the stream's LiveKit room (native streams), or {@code null}. */
    default String publishToken() {
        return null;
    }

    /** The SDP answer for a legacy WebRTC source, or {@code null}. */
    default String answerSdp() {
        return null;
    }

    /** Whether this media ends with a deploy (legacy WebRTC: the service's peer connection dies with it). */
    default boolean diesWithDeploy() {
        return false;
    }

    @Override
    default void close() {
    }
}
