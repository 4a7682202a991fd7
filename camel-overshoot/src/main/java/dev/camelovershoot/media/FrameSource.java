package dev.camelovershoot.media;

/**
 * Live or recorded video read on its own thread and handed out as {@link I420Frame}s. Open one with
 * {@link FrameSources#open}; start it once; close it to stop reading and release its decoder and connection.
 */
public interface FrameSource extends AutoCloseable {

    /** The source's location as given, with any password removed; for messages and logs. */
    String description();

    /**
     * Whether opening this location again may bring frames back after {@code end}: a camera or a live stream (V4L2,
     * RTSP, RTMP) that stopped or failed, or an HLS playlist that failed. A file, and an HLS playlist that reached its
     * end ({@code EXT-X-ENDLIST}), are finite: their end is final, and so is a file that cannot be decoded.
     */
    boolean reopens(SourceEnd end);

    /** Starts reading on a dedicated thread; frames and the end of the source are reported to {@code sink}. */
    void start(FrameSink sink);

    /**
     * Stops reading and releases the decoder, waiting a bounded time (the source's I/O timeout) for a blocked read to
     * return. No {@link FrameSink#onEnded} follows. Idempotent; may be called from the sink's callbacks.
     */
    @Override
    void close();
}
