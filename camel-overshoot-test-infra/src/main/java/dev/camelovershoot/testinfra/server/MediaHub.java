package dev.camelovershoot.testinfra.server;

import dev.camelovershoot.testinfra.frames.FrameStore;
import dev.camelovershoot.testinfra.frames.I420Planes;
import dev.camelovershoot.testinfra.livekit.InvalidTokenException;
import dev.camelovershoot.testinfra.livekit.LiveKitCredentials;
import dev.camelovershoot.testinfra.livekit.LiveKitEndpoint;
import dev.camelovershoot.testinfra.livekit.LiveKitGrant;
import dev.camelovershoot.testinfra.livekit.LiveKitRooms;
import dev.camelovershoot.testinfra.livekit.LiveKitTokens;
import dev.camelovershoot.testinfra.livekit.RoomListener;
import dev.camelovershoot.testinfra.rtc.IngestState;
import dev.camelovershoot.testinfra.rtc.LegacyIngestListener;
import dev.camelovershoot.testinfra.rtc.LegacyWebRtcIngest;
import dev.camelovershoot.testinfra.rtc.LegacyWebRtcSession;
import dev.camelovershoot.testinfra.rtc.WebRtcRuntime;
import dev.camelovershoot.testinfra.rtc.WebRtcUnavailableException;
import java.net.URI;
import java.time.Duration;
import java.util.function.Consumer;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The emulator's media side: the LiveKit-compatible endpoint under {@code /livekit} with its rooms, and the legacy
 * WebRTC ingest, both decoding into the streams' frame stores. It outlives server restarts, as the real service's
 * LiveKit rooms outlive an API deploy. Without a usable WebRTC stack (no libpulse) the control plane still works:
 * native streams get a room nobody can join media into, and WebRTC sources are refused with the reason.
 */
final class MediaHub implements AutoCloseable {

    static final String LIVEKIT_PATH = "/livekit";
    static final String WEBRTC_DISCONNECTED = "webrtc_disconnected";
    static final String LIVEKIT_DISCONNECTED = "livekit_disconnected";
    /** Native streams get a short-lived publish token; each keepalive brings a fresh one. */
    private static final Duration PUBLISH_TOKEN_TTL = Duration.ofMinutes(5);
    private static final Logger LOG = LoggerFactory.getLogger(MediaHub.class);

    private final LiveKitTokens tokens;
    private final WebRtcRuntime webrtc;
    private final String unavailable;
    private final LiveKitRooms rooms;
    private final LegacyWebRtcIngest legacy;

    MediaHub(LiveKitCredentials credentials, Duration publisherGrace) {
        this.tokens = new LiveKitTokens(credentials);
        WebRtcRuntime runtime = null;
        String reason = null;
        try {
            runtime = WebRtcRuntime.start();
        } catch (WebRtcUnavailableException e) {
            reason = e.getMessage();
            LOG.warn("Media ingest is disabled, WebRTC cannot run here: {}", reason);
        }
        this.webrtc = runtime;
        this.unavailable = reason;
        this.rooms = runtime == null ? null : new LiveKitRooms(tokens, runtime, publisherGrace);
        this.legacy = runtime == null ? null : new LegacyWebRtcIngest(runtime);
    }

    /** The LiveKit endpoint to mount in front of the API, or {@code null} without WebRTC. */
    Handler liveKitHandler(Server server) {
        return rooms == null ? null : LiveKitEndpoint.handler(server, LIVEKIT_PATH, rooms);
    }

    LiveKitRooms rooms() {
        return rooms;
    }

    LiveKitTokens tokens() {
        return tokens;
    }

    /**
     * Connects a new stream's source to its frame store.
     *
     * @param ownAuthority the {@code host:port} clients reach the emulator at
     * @param onLost       ends the stream with the given reason when its media is gone for good
     */
    StreamMedia connect(String streamId, StreamSource source, FrameStore store, String ownAuthority,
                        Consumer<String> onLost) {
        return switch (source.type()) {
            case "webrtc" -> legacyIngest(source, store, onLost);
            case "livekit" -> userRoom(source, store, ownAuthority, onLost);
            default -> serviceRoom(streamId, store, onLost);
        };
    }

    @Override
    public void close() {
        if (rooms != null) {
            rooms.close();
        }
        if (webrtc != null) {
            webrtc.close();
        }
    }

    private StreamMedia serviceRoom(String room, FrameStore store, Consumer<String> onLost) {
        if (rooms != null) {
            rooms.bind(room, RoomListener.storingFramesIn(store, identity -> onLost.accept(LIVEKIT_DISCONNECTED)));
        }
        String identity = "publisher-" + room;
        return new StreamMedia() {
            @Override
            public String publishToken() {
                return tokens.mintPublishToken(identity, room, PUBLISH_TOKEN_TTL);
            }

            @Override
            public void close() {
                if (rooms != null) {
                    rooms.unbind(room);
                }
            }
        };
    }

    /** The emulator stands in for the user's LiveKit server: it ingests from its own room named by the token. */
    private StreamMedia userRoom(StreamSource source, FrameStore store, String ownAuthority, Consumer<String> onLost) {
        requireWebRtc();
        URI url = URI.create(source.url());
        if (!ownAuthority.equalsIgnoreCase(url.getRawAuthority()) || !url.getPath().startsWith(LIVEKIT_PATH)) {
            throw invalidSource("source.url", "the emulator can only ingest from its own LiveKit endpoint, ws://"
                    + ownAuthority + LIVEKIT_PATH);
        }
        LiveKitGrant grant;
        try {
            grant = tokens.verify(source.token());
        } catch (InvalidTokenException e) {
            throw invalidSource("source.token", "is not a valid token for this LiveKit server: " + e.getMessage());
        }
        String room = grant.room();
        try {
            rooms.bind(room, RoomListener.storingFramesIn(store, identity -> onLost.accept(LIVEKIT_DISCONNECTED)));
        } catch (IllegalStateException e) {
            throw invalidSource("source.token", "names room '" + room + "', which another stream already uses");
        }
        return new StreamMedia() {
            @Override
            public void close() {
                rooms.unbind(room);
            }
        };
    }

    private StreamMedia legacyIngest(StreamSource source, FrameStore store, Consumer<String> onLost) {
        requireWebRtc();
        LegacyWebRtcSession session;
        try {
            session = legacy.open(source.sdp(), new LegacyIngestListener() {
                @Override
                public void onFrame(I420Planes frame) {
                    store.add(frame);
                }

                @Override
                public void onConnectionLost(IngestState state) {
                    onLost.accept(WEBRTC_DISCONNECTED);
                }
            });
        } catch (IllegalArgumentException e) {
            throw invalidSource("source.sdp", e.getMessage());
        }
        return new StreamMedia() {
            @Override
            public String answerSdp() {
                return session.answerSdp();
            }

            @Override
            public boolean diesWithDeploy() {
                return true;
            }

            @Override
            public void close() {
                session.close();
            }
        };
    }

    private void requireWebRtc() {
        if (webrtc == null) {
            throw new ApiException(503, "media_unavailable", "This emulator cannot terminate WebRTC: " + unavailable);
        }
    }

    private static ApiException invalidSource(String field, String message) {
        return FieldErrors.single(field, message);
    }
}
