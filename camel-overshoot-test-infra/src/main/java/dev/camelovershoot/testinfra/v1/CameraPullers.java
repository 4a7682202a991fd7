package dev.camelovershoot.testinfra.v1;

import dev.camelovershoot.testinfra.frames.FrameStore;
import java.net.URI;
import java.time.Duration;
import java.util.function.Consumer;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pulls a camera with FFmpeg (through JavaCV), as the service does: RTSP over TCP or an HLS playlist, decoded into the
 * stream's buffer at the source's own pace. The first connection is retried until the connect timeout; a source
 * that drops is reconnected with backoff 1 s → 30 s, and a source that ends a second time ends the stream.
 */
final class CameraPullers {

    private static final Logger LOG = LoggerFactory.getLogger(CameraPullers.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration MAX_RETRY = Duration.ofSeconds(30);
    /** Socket timeout of one connection attempt. */
    private static final Duration IO_TIMEOUT = Duration.ofSeconds(5);

    private CameraPullers() {
    }

    /** @param onSourceEnded told when a source ended for the second time: the stream ends with it */
    static CameraSources.Puller ffmpeg(Duration connectTimeout, Consumer<V1Stream> onSourceEnded) {
        return (stream, url, type) -> {
            FFmpegFrameGrabber first = connect(url, type, connectTimeout);
            Pull pull = new Pull(stream, url, type, first, onSourceEnded);
            Thread thread = new Thread(pull, "overshoot-emulator-v1-camera-" + stream.id());
            thread.setDaemon(true);
            thread.start();
            return () -> {
                pull.stop = true;
                // The pull thread itself ends the stream when its source ended twice: it is already finishing.
                if (Thread.currentThread() != thread) {
                    thread.interrupt();
                    thread.join(IO_TIMEOUT.toMillis() * 2);
                }
            };
        };
    }

    /** Connects, retrying with backoff until {@code timeout}; the grabber is started. */
    private static FFmpegFrameGrabber connect(URI url, String type, Duration timeout)
            throws CameraSources.CameraUnreachableException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Duration wait = FIRST_RETRY;
        while (true) {
            FFmpegFrameGrabber grabber = grabber(url, type);
            try {
                grabber.start();
                return grabber;
            } catch (FrameGrabber.Exception e) {
                release(grabber);
                if (System.nanoTime() + wait.toNanos() > deadline) {
                    throw new CameraSources.CameraUnreachableException("no connection within "
                            + timeout.toSeconds() + " s (" + type + ")");
                }
                LOG.debug("Camera not reachable yet ({}), retrying in {}", type, wait);
                if (!sleep(wait)) {
                    throw new CameraSources.CameraUnreachableException("interrupted");
                }
                wait = next(wait);
            }
        }
    }

    private static FFmpegFrameGrabber grabber(URI url, String type) {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(url.toString());
        String micros = Long.toString(IO_TIMEOUT.toNanos() / 1000);
        if (type.equals("rtsp")) {
            grabber.setOption("rtsp_transport", "tcp");
            grabber.setOption("timeout", micros);
        } else {
            grabber.setOption("rw_timeout", micros);
        }
        return grabber;
    }

    /** One camera's pull loop on its own thread; the grabber is only touched there (after the first start). */
    private static final class Pull implements Runnable {

        private final V1Stream stream;
        private final URI url;
        private final String type;
        private final Consumer<V1Stream> onSourceEnded;
        private FFmpegFrameGrabber grabber;
        private volatile boolean stop;

        Pull(V1Stream stream, URI url, String type, FFmpegFrameGrabber grabber, Consumer<V1Stream> onSourceEnded) {
            this.stream = stream;
            this.url = url;
            this.type = type;
            this.grabber = grabber;
            this.onSourceEnded = onSourceEnded;
        }

        @Override
        public void run() {
            int ends = 0;
            Duration wait = FIRST_RETRY;
            try (Java2DFrameConverter converter = new Java2DFrameConverter()) {
                while (!stop) {
                    if (grabber != null && pullUntilEnd(converter)) {
                        wait = FIRST_RETRY;
                    }
                    release(grabber);
                    grabber = null;
                    if (stop || ++ends >= 2) {
                        break;
                    }
                    while (!stop && grabber == null && sleep(wait)) {
                        wait = next(wait);
                        grabber = reconnect();
                    }
                }
            } finally {
                release(grabber);
            }
            if (!stop) {
                LOG.info("Camera of v1 stream {} ended twice; the stream ends", stream.id());
                onSourceEnded.accept(stream);
            }
        }

        /** Pulls frames, paced by their timestamps, until the source ends or fails; true when any frame came. */
        private boolean pullUntilEnd(Java2DFrameConverter converter) {
            long startNanos = System.nanoTime();
            long firstTimestamp = -1;
            boolean any = false;
            try {
                Frame frame;
                while (!stop && (frame = grabber.grabImage()) != null) {
                    if (firstTimestamp < 0) {
                        firstTimestamp = grabber.getTimestamp();
                    }
                    long due = startNanos + (grabber.getTimestamp() - firstTimestamp) * 1000;
                    long early = due - System.nanoTime();
                    if (early > 0 && !sleep(Duration.ofNanos(early))) {
                        return any;
                    }
                    FrameStore store = stream.frames().orElse(null);
                    if (store == null) {
                        return any;
                    }
                    store.add(converter.convert(frame));
                    stream.pulled();
                    any = true;
                }
            } catch (FrameGrabber.Exception e) {
                // Not the message: FFmpeg names the URL in some, and a camera URL may carry credentials.
                LOG.info("Camera of v1 stream {} dropped ({})", stream.id(), e.getClass().getSimpleName());
            }
            return any;
        }

        private FFmpegFrameGrabber reconnect() {
            FFmpegFrameGrabber next = grabber(url, type);
            try {
                next.start();
                return next;
            } catch (FrameGrabber.Exception e) {
                release(next);
                return null;
            }
        }
    }

    private static Duration next(Duration wait) {
        Duration doubled = wait.multipliedBy(2);
        return doubled.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : doubled;
    }

    /** @return false when interrupted (the pull is being stopped) */
    private static boolean sleep(Duration duration) {
        try {
            Thread.sleep(Math.max(1, duration.toMillis()));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void release(FFmpegFrameGrabber grabber) {
        if (grabber == null) {
            return;
        }
        try {
            grabber.close();
        } catch (FrameGrabber.Exception e) {
            LOG.debug("Camera grabber did not close cleanly: {}", e.getMessage());
        }
    }
}
