package dev.camelovershoot.transport;

import dev.camelovershoot.client.ReconnectPolicy;
import dev.onvoid.webrtc.RTCIceServer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;

/**
 * How a transport sends video.
 *
 * @param codec      {@code vp8} (default) or {@code h264}
 * @param publishFps the most frames per second sent; see {@link PublishRate}
 * @param width      width announced to LiveKit (frames may differ)
 * @param height     height announced to LiveKit
 * @param iceServers STUN/TURN servers of the client's own (the service's are added to them)
 * @param timeout    bound for each connection step
 * @param reconnect  how a lost LiveKit connection is resumed or rejoined: by default for as long as the transport
 *                   is open, 1 s doubling up to 30 s between attempts
 * @param threads    makes the transport's threads (LiveKit publisher and signal threads, named by it); {@code null}:
 *                   daemon threads {@code livekit-publisher} and {@code livekit-signal-<n>}
 * @param reconnects told of each reconnect, for monitoring
 */
public record TransportSettings(String codec, double publishFps, int width, int height, List<RTCIceServer> iceServers,
                                Duration timeout, ReconnectPolicy reconnect, ThreadFactory threads,
                                ReconnectListener reconnects) {

    public TransportSettings {
        codec = codec.toLowerCase(Locale.ROOT);
        if (!codec.equals("vp8") && !codec.equals("h264")) {
            throw new IllegalArgumentException("Unsupported codec '" + codec + "': use vp8 or h264");
        }
        iceServers = List.copyOf(iceServers);
        Objects.requireNonNull(reconnect, "reconnect");
        Objects.requireNonNull(reconnects, "reconnects");
    }

    /** Settings that reconnect with {@link ReconnectPolicy#defaults()}. */
    public TransportSettings(String codec, double publishFps, int width, int height, List<RTCIceServer> iceServers,
                             Duration timeout) {
        this(codec, publishFps, width, height, iceServers, timeout, ReconnectPolicy.defaults(), null,
                ReconnectListener.NONE);
    }

    /** VP8 at the given rate, 640x480 announced, no ICE servers, 15 s steps (LiveKit clients use the same). */
    public static TransportSettings defaults(double publishFps) {
        return new TransportSettings("vp8", publishFps, 640, 480, List.of(), Duration.ofSeconds(15));
    }

    /** The same settings with another reconnect policy. */
    public TransportSettings withReconnect(ReconnectPolicy policy) {
        return new TransportSettings(codec, publishFps, width, height, iceServers, timeout, policy, threads,
                reconnects);
    }

    /** The same settings with the transport's threads made by {@code factory}. */
    public TransportSettings withThreads(ThreadFactory factory) {
        return new TransportSettings(codec, publishFps, width, height, iceServers, timeout, reconnect, factory,
                reconnects);
    }

    /** The same settings telling {@code listener} of each reconnect. */
    public TransportSettings withReconnectListener(ReconnectListener listener) {
        return new TransportSettings(codec, publishFps, width, height, iceServers, timeout, reconnect, threads,
                listener);
    }
}
