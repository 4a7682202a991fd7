package dev.camelovershoot.testinfra.server;

import dev.camelovershoot.testinfra.RecordedRequest;
import dev.camelovershoot.testinfra.StreamSnapshot;
import dev.camelovershoot.testinfra.frames.EmulatorFrame;
import dev.camelovershoot.testinfra.livekit.LiveKitRooms;
import dev.camelovershoot.testinfra.v1.V1Controls;
import dev.camelovershoot.testinfra.v1.V1Emulator;
import dev.camelovershoot.testinfra.v1.V1Settings;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.websocket.server.WebSocketCreator;

/**
 * The running emulator behind {@code OvershootEmulator}: streams, the HTTP/WebSocket server and the request journal.
 * Internal; use {@code dev.camelovershoot.testinfra.OvershootEmulator}.
 */
public final class EmulatorServer implements AutoCloseable {

    /** The journal keeps the most recent requests only, so that a long-running emulator stays small. */
    private static final int JOURNAL_CAPACITY = 10_000;

    private final EmulatorSettings settings;
    private final TlsSettings tls;
    private final MediaHub media;
    private final StreamService service;
    private final V1Emulator v1;
    private final Deque<RecordedRequest> journal = new ArrayDeque<>();
    private final RestFaults restFaults = new RestFaults();
    private JettyHost host;
    private int port;

    public EmulatorServer(EmulatorSettings settings) {
        this(settings, V1Settings.DEFAULTS);
    }

    /** @param v1Settings how the v1beta API beside v0.2 behaves */
    public EmulatorServer(EmulatorSettings settings, V1Settings v1Settings) {
        this(settings, v1Settings, null);
    }

    /** @param tls what to serve HTTPS and WSS with, or {@code null} for HTTP and WS */
    public EmulatorServer(EmulatorSettings settings, V1Settings v1Settings, TlsSettings tls) {
        this.settings = settings;
        this.tls = tls;
        this.media = new MediaHub(settings.liveKitCredentials(), settings.publisherGrace());
        this.service = new StreamService(settings, media);
        this.v1 = new V1Emulator(v1Settings, service::isApiKey, settings.backend(), settings.frameStoreMaxFrames(),
                settings.frameMaxSide(), media.rooms(), media.tokens(), MediaHub.LIVEKIT_PATH, this::record);
        this.port = settings.port();
    }

    public synchronized void start() {
        if (host != null) {
            throw new IllegalStateException("The emulator is already running");
        }
        host = newHost();
        port = host.start();
    }

    /** A deploy: the server goes away and comes back on the same port, with or without the streams. */
    public synchronized void restart(boolean keepState) {
        if (host == null) {
            throw new IllegalStateException("The emulator is not running");
        }
        if (keepState) {
            service.deployKeepingState();
        } else {
            service.deployLosingState();
        }
        host.stop();
        host = newHost();
        host.start();
    }

    @Override
    public synchronized void close() {
        if (host != null) {
            host.stop();
            host = null;
        }
        v1.close();
        service.close();
        media.close();
    }

    /** The bound port once started (the configured one before). */
    public synchronized int port() {
        return port;
    }

    public void injectFrame(String streamId, BufferedImage frame) {
        service.injectFrame(streamId, frame);
    }

    public List<EmulatorFrame> frames(String streamId) {
        return service.frames(streamId);
    }

    public Optional<StreamSnapshot> stream(String streamId) {
        return service.stream(streamId);
    }

    public List<StreamSnapshot> streams() {
        return service.streams();
    }

    public List<RecordedRequest> requests() {
        synchronized (journal) {
            return List.copyOf(journal);
        }
    }

    public void dropResultSockets(String streamId) {
        service.dropResultSockets(streamId);
    }

    public void closeResultSockets(String streamId, int code, String reason) {
        service.closeResultSockets(streamId, code, reason);
    }

    public void sendRawResultMessage(String streamId, String text) {
        service.sendRawResultMessage(streamId, text);
    }

    public void failNextKeepalives(int count, int status) {
        service.keepaliveFaults().fail(count, status);
    }

    public void delayNextKeepalives(int count, Duration delay) {
        service.keepaliveFaults().delay(count, delay);
    }

    public void malformNextRestResponses(int count, String body) {
        restFaults.malformNext(count, body);
    }

    public void delayDeletes(Duration delay) {
        service.delayDeletes(delay);
    }

    public void endStream(String streamId, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("reason must not be blank");
        }
        service.endStream(streamId, reason);
    }

    /** The v1beta API's test controls. */
    public V1Controls v1() {
        return v1.controls();
    }

    /** The LiveKit rooms, for test controls; {@code null} when WebRTC cannot run here. */
    public LiveKitRooms liveKitRooms() {
        return media.rooms();
    }

    /** Mints a publish token for a room of the emulator's LiveKit endpoint (user-managed LiveKit in tests). */
    public String mintLiveKitToken(String identity, String room, Duration ttl) {
        return media.tokens().mintPublishToken(identity, room, ttl);
    }

    private JettyHost newHost() {
        // v1beta first: it answers only under its own prefixes and leaves the rest to v0.2.
        Handler api = new Handler.Sequence(v1.newHandler(), new ApiHandler(settings.basePath(),
                restFaults.wrap(new Endpoints(service).routes()), service::isApiKey, this::record));
        WebSocketCreator sockets = (request, response, callback) -> {
            record(new RecordedRequest("GET", request.getHttpURI().getPath().substring(settings.basePath().length()),
                    101));
            return new ResultSocket(JettyHost.streamId(request), service);
        };
        return new JettyHost(settings, tls, port, api, sockets, media::liveKitHandler);
    }

    private void record(RecordedRequest request) {
        synchronized (journal) {
            if (journal.size() == JOURNAL_CAPACITY) {
                journal.removeFirst();
            }
            journal.addLast(request);
        }
    }
}
