package dev.camelovershoot.demo;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;

import dev.camelovershoot.testinfra.inference.Palette;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;

/**
 * The demo's sample video: scenes of one colour each, with a small caption, encoded as MPEG-4 in an mp4 file. The
 * caption covers a few percent of the picture, so the mean colour of a frame stays the scene's colour.
 */
final class SampleVideo {

    static final int WIDTH = 320;
    static final int HEIGHT = 240;
    static final int FPS = 10;

    /** A stretch of the video: its colour (a {@link Palette} name), how long it lasts and its caption. */
    record Scene(String colour, double seconds, String caption) {
    }

    /** About 8 s: two action scenes (red, green) between black pauses. */
    static final List<Scene> SCENES = List.of(
            new Scene("black", 1.0, "pause"),
            new Scene("red", 2.5, "red: waving"),
            new Scene("black", 1.5, "pause"),
            new Scene("green", 2.0, "green: thumbs up"),
            new Scene("black", 1.0, "the end"));

    private SampleVideo() {
    }

    /** Writes the scenes to {@code file}; returns it. */
    static Path write(Path file, List<Scene> scenes) throws Exception {
        av_log_set_level(AV_LOG_ERROR);
        BufferedImage picture = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_3BYTE_BGR);
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toString(), WIDTH, HEIGHT, 0);
             Java2DFrameConverter converter = new Java2DFrameConverter()) {
            recorder.setFormat("mp4");
            recorder.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
            recorder.setFrameRate(FPS);
            recorder.setGopSize(FPS);
            recorder.setVideoQuality(2);
            recorder.start();
            for (Scene scene : scenes) {
                draw(picture, scene);
                long frames = Math.round(scene.seconds() * FPS);
                for (long i = 0; i < frames; i++) {
                    recorder.record(converter.convert(picture));
                }
            }
            recorder.stop();
        }
        return file;
    }

    static double seconds(List<Scene> scenes) {
        return scenes.stream().mapToDouble(Scene::seconds).sum();
    }

    private static void draw(BufferedImage picture, Scene scene) {
        int[] rgb = Palette.rgb(scene.colour());
        Graphics2D g = picture.createGraphics();
        try {
            g.setColor(new Color(rgb[0], rgb[1], rgb[2]));
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
            g.setColor(scene.colour().equals("black") ? Color.LIGHT_GRAY : Color.BLACK);
            g.drawString(scene.caption(), 8, HEIGHT - 10);
        } finally {
            g.dispose();
        }
    }
}
