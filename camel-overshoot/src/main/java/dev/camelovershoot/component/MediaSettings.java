package dev.camelovershoot.component;

import dev.camelovershoot.client.wire.Processing;
import dev.camelovershoot.media.FrameConverter;
import dev.camelovershoot.media.FrameSourceOptions;
import dev.camelovershoot.transport.PublishRate;
import dev.camelovershoot.transport.TransportSettings;
import dev.onvoid.webrtc.RTCIceServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Turns an endpoint configuration into how video is converted, read and sent; mistakes name the option. */
final class MediaSettings {

    /** What LiveKit is told about the track when frames are not scaled (a common camera size). */
    private static final int ANNOUNCED_WIDTH = 640;
    private static final int ANNOUNCED_HEIGHT = 480;
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(15);

    private MediaSettings() {
    }

    static TransportSettings transport(OvershootConfiguration config, Processing processing) {
        return transport(config, publishFps(config, processing));
    }

    static TransportSettings transport(OvershootConfiguration config, double publishFps) {
        boolean scaled = scaled(config);
        return new TransportSettings(config.getCodec(), publishFps,
                scaled ? config.getWidth() : ANNOUNCED_WIDTH, scaled ? config.getHeight() : ANNOUNCED_HEIGHT,
                iceServers(config), STEP_TIMEOUT).withReconnect(StreamRequests.reconnectPolicy(config));
    }

    /** The publish rate also caps what a source decodes and converts. */
    static FrameSourceOptions source(OvershootConfiguration config, Processing processing) {
        return source(config, publishFps(config, processing));
    }

    static FrameSourceOptions source(OvershootConfiguration config, double publishFps) {
        FrameSourceOptions options = FrameSourceOptions.DEFAULTS
                .withMaxFps(publishFps)
                .withLoop(config.isLoop());
        return scaled(config) ? options.withSize(config.getWidth(), config.getHeight()) : options;
    }

    static FrameConverter converter(OvershootConfiguration config) {
        return scaled(config) ? FrameConverter.scalingTo(config.getWidth(), config.getHeight())
                : FrameConverter.atInputSize();
    }

    private static double publishFps(OvershootConfiguration config, Processing processing) {
        if (!(config.getMaxPublishFps() > 0)) {
            throw new IllegalArgumentException("maxPublishFps must be positive, got " + config.getMaxPublishFps());
        }
        return PublishRate.of(processing, config.getMaxPublishFps());
    }

    /**
     * v1: what the watch loop needs (two frames per interval), and at least windowMaxFps for windows, never above
     * maxPublishFps.
     */
    static double v1PublishFps(OvershootConfiguration config) {
        double watched = publishFps(config, Processing.frame(config.getIntervalSeconds()));
        return Math.min(config.getMaxPublishFps(), Math.max(watched, config.getWindowMaxFps()));
    }

    private static boolean scaled(OvershootConfiguration config) {
        int width = config.getWidth();
        int height = config.getHeight();
        if (width < 0 || height < 0 || (width == 0) != (height == 0)) {
            throw new IllegalArgumentException("width and height scale frames together: give both, positive, or"
                    + " neither; got width=" + width + ", height=" + height);
        }
        return width > 0;
    }

    /** {@code stun:}/{@code stuns:} URLs as they are; {@code turn:}/{@code turns:} URLs with the ICE credentials. */
    private static List<RTCIceServer> iceServers(OvershootConfiguration config) {
        List<RTCIceServer> servers = new ArrayList<>();
        if (config.getIceServers() == null || config.getIceServers().isBlank()) {
            return servers;
        }
        for (String url : config.getIceServers().split(",")) {
            String trimmed = url.strip();
            String scheme = trimmed.substring(0, Math.max(0, trimmed.indexOf(':'))).toLowerCase(Locale.ROOT);
            RTCIceServer server = new RTCIceServer();
            server.urls = List.of(trimmed);
            switch (scheme) {
                case "stun", "stuns" -> { }
                case "turn", "turns" -> {
                    server.username = config.getIceUsername();
                    server.password = config.getIcePassword();
                }
                default -> throw new IllegalArgumentException("iceServers: '" + trimmed
                        + "' is not a stun:, stuns:, turn: or turns: URL");
            }
            servers.add(server);
        }
        return servers;
    }
}
