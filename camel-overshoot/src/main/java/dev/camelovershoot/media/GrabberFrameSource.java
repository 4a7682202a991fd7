package dev.camelovershoot.media;

import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link FrameSource} on JavaCV's {@link FFmpegFrameGrabber}. The reader thread owns the grabber and the converter:
 * it creates them, and releases them on every path before reporting the end, so no other thread ever touches FFmpeg
 * state that may be in use. The grabber runs in RAW mode: frames are decoded but not converted until kept, so frames
 * dropped by the rate cap cost only their decoding.
 */
final class GrabberFrameSource implements FrameSource {

    private static final Logger LOG = LoggerFactory.getLogger(GrabberFrameSource.class);
    /** Beyond the I/O timeout, for the thread to release the grabber once its read has returned. */
    private static final long CLOSE_GRACE_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final SourceSpec spec;
    private final FrameSourceOptions options;
    private final CountDownLatch stopSignal = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);
    private Thread reader;
    /** Written by the reader thread only. */
    private long framesRead;

    GrabberFrameSource(SourceSpec spec, FrameSourceOptions options) {
        this.spec = spec;
        this.options = options;
    }

    @Override
    public String description() {
        return spec.description();
    }

    @Override
    public boolean reopens(SourceEnd end) {
        return switch (spec.kind()) {
            case FILE -> false;
            case HLS -> end.failed();
            case CAMERA, RTSP, RTMP -> true;
        };
    }

    @Override
    public synchronized void start(FrameSink sink) {
        if (reader != null || stopping()) {
            throw new IllegalStateException("frame source " + description() + " was already started or closed");
        }
        Runnable task = () -> run(sink);
        reader = options.threads() != null ? options.threads().newThread(task)
                : new Thread(task, "frame-source-" + spec.kind().name().toLowerCase(Locale.ROOT));
        reader.setDaemon(true);
        reader.start();
    }

    @Override
    public void close() {
        stopSignal.countDown();
        Thread thread;
        synchronized (this) {
            thread = reader;
        }
        if (thread == null || thread == Thread.currentThread()) {
            return;
        }
        try {
            if (!released.await(options.ioTimeout().toNanos() + CLOSE_GRACE_NANOS, TimeUnit.NANOSECONDS)) {
                LOG.warn("Frame source {} is still blocked in a read; it releases its decoder when the read returns",
                        description());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean stopping() {
        return stopSignal.getCount() == 0;
    }

    private void run(FrameSink sink) {
        SourceEnd end = readAndRelease(sink);
        released.countDown();
        if (end != null && !stopping()) {
            try {
                sink.onEnded(end);
            } catch (RuntimeException e) {
                LOG.warn("Frame sink failed handling the end of {}", description(), e);
            }
        }
    }

    /** Reads until the end, a failure or close(); returns null when closed. */
    private SourceEnd readAndRelease(FrameSink sink) {
        try (FrameConverter converter = options.scales()
                ? FrameConverter.scalingTo(options.width(), options.height()) : FrameConverter.atInputSize();
             FFmpegFrameGrabber grabber = spec.newGrabber()) {
            grabber.start();
            if (!grabber.hasVideo()) {
                return SourceEnd.failure(description(), 0, new IOException("no video stream in " + description()));
            }
            return read(grabber, converter, sink);
        } catch (Exception | LinkageError e) {
            // LinkageError: FFmpeg's native libraries could not be loaded
            return stopping() ? null : SourceEnd.failure(description(), framesRead, e);
        }
    }

    private SourceEnd read(FFmpegFrameGrabber grabber, FrameConverter converter, FrameSink sink) throws Exception {
        StreamTimeline timeline = new StreamTimeline();
        FrameRateCap cap = new FrameRateCap(options.maxFps());
        long startNanos = System.nanoTime();
        int framesThisPass = 0;
        while (!stopping()) {
            Frame frame = grabber.grabImage();
            if (frame == null) {
                if (!options.loop()) {
                    return SourceEnd.endOfStream(description(), framesRead);
                }
                if (framesThisPass == 0) {
                    return SourceEnd.failure(description(), framesRead,
                            new IOException("no video frames to loop over"));
                }
                grabber.restart();
                timeline.nextPass();
                framesThisPass = 0;
                continue;
            }
            framesThisPass++;
            framesRead++;
            long position = timeline.position(frame.timestamp);
            if (cap.admit(position) && awaitPlayTime(startNanos + position)) {
                deliver(converter.fromJavaCv(frame, position), sink);
            }
        }
        return null;
    }

    /** Recorded media plays in real time; live media is delivered as it arrives. False when closed meanwhile. */
    private boolean awaitPlayTime(long dueNanos) throws InterruptedException {
        long wait = spec.kind().recorded ? dueNanos - System.nanoTime() : 0;
        return wait > 0 ? !stopSignal.await(wait, TimeUnit.NANOSECONDS) : !stopping();
    }

    private static void deliver(I420Frame frame, FrameSink sink) {
        try {
            sink.onFrame(frame);
        } catch (RuntimeException e) {
            frame.close();
            throw e;
        }
    }
}
