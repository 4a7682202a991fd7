package dev.camelovershoot.media;

/** Receives what a {@link FrameSource} reads. Both methods are called on the source's thread, one call at a time. */
public interface FrameSink {

    /** A new frame; the sink owns it and must close it (or hand it on to someone who will). */
    void onFrame(I420Frame frame);

    /**
     * The source stopped on its own, after releasing its decoder: the end of a file that does not loop, or a failure
     * (unreachable stream, decoder error, or an exception thrown by {@link #onFrame}). Called at most once.
     */
    void onEnded(SourceEnd end);
}
