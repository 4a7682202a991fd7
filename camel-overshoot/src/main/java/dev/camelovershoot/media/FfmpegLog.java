package dev.camelovershoot.media;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_WARNING;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;
import static org.bytedeco.ffmpeg.global.avutil.setLogCallback;

import org.bytedeco.ffmpeg.avutil.LogCallback;
import org.bytedeco.javacpp.BytePointer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends FFmpeg's messages to SLF4J (logger {@code dev.camelovershoot.media.ffmpeg}) instead of the process's stderr.
 * Only warnings and errors are produced: info level would also dump every opened input's stream layout.
 */
final class FfmpegLog extends LogCallback {

    private static final Logger LOG = LoggerFactory.getLogger("dev.camelovershoot.media.ffmpeg");
    private static FfmpegLog installed;

    private FfmpegLog() {
    }

    static synchronized void install() {
        if (installed == null) {
            // retained for the life of the process: FFmpeg keeps calling it from any thread
            installed = new FfmpegLog().retainReference();
            av_log_set_level(AV_LOG_WARNING);
            setLogCallback(installed);
        }
    }

    @Override
    public void call(int level, BytePointer message) {
        String text = message.getString().strip();
        if (level <= AV_LOG_ERROR) {
            LOG.error(text);
        } else {
            LOG.warn(text);
        }
    }
}
