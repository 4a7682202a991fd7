package dev.camelovershoot.component;

import dev.camelovershoot.client.OvershootException;
import dev.camelovershoot.client.StreamClosedException;
import dev.camelovershoot.client.StreamEvent;
import dev.camelovershoot.client.v1.CameraSource;
import dev.camelovershoot.client.v1.Publish;
import dev.camelovershoot.client.v1.Publisher;
import dev.camelovershoot.client.v1.SessionListener;
import dev.camelovershoot.client.v1.V1Client;
import dev.camelovershoot.client.v1.V1Session;
import dev.camelovershoot.media.FrameConverter;
import dev.camelovershoot.media.FrameSink;
import dev.camelovershoot.media.FrameSource;
import dev.camelovershoot.media.FrameSources;
import dev.camelovershoot.media.I420Frame;
import dev.camelovershoot.media.SourceEnd;
import dev.camelovershoot.transport.LiveKitTransport;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One v1 stream shared by the producers and consumers of a stream name: its client and {@link V1Session} (which
 * renews the lease and recreates a reaped stream for ever), and, unless the service pulls the camera, the LiveKit
 * publisher, the frame converter and an optional frame source the component decodes. Started without waiting for
 * the network; closed (stream deleted, media released) by the last user to leave, or by closeStream.
 */
final class V1Stream extends NamedStream implements SessionListener, FrameSink {

    private static final Logger LOG = LoggerFactory.getLogger(V1Stream.class);

    private final String name;
    private final OvershootConfiguration configuration;
    private final V1Client client;
    private final LiveKitTransport transport;
    private final FrameSource source;
    private final FrameConverter converter;
    private final List<SessionListener> subscribers = new CopyOnWriteArrayList<>();
    private final AtomicInteger errors = new AtomicInteger();
    private final long clockOrigin = System.nanoTime();
    private final Object publishing = new Object();
    private volatile StreamStatus status = StreamStatus.starting();
    private volatile CompletableFuture<V1Session> session;
    private volatile CompletableFuture<Void> closed;

    private V1Stream(String name, OvershootConfiguration configuration, V1Client client, LiveKitTransport transport,
                     FrameSource source) {
        this.name = name;
        this.configuration = configuration;
        this.client = client;
        this.transport = transport;
        this.source = source;
        this.converter = transport == null ? null : MediaSettings.converter(configuration);
    }

    /**
     * Checks the configuration, opens a component-decoded source and starts creating the stream.
     *
     * @throws IllegalArgumentException for a configuration mistake, naming the option
     */
    static V1Stream start(String endpointName, String key, OvershootConfiguration config,
                          OvershootComponent component) {
        String name = NamedStream.label(endpointName, key);
        if (!"native".equals(config.getTransport())) {
            throw new IllegalArgumentException("v1 publishes into the stream's own LiveKit room: transport=native only,"
                    + " not " + config.getTransport());
        }
        V1Client client = V1Requests.client(config, component.httpClient());
        CameraSource camera = V1Requests.servicePulled(config);
        V1Session.Builder builder;
        V1Stream stream;
        if (camera != null) {
            stream = new V1Stream(name, config, client, null, null);
            builder = V1Session.camera(client, camera);
        } else {
            double fps = MediaSettings.v1PublishFps(config);
            LiveKitTransport transport = LiveKitTransport.serviceRoom(component.webRtcRuntime(),
                    component.httpClient(), MediaSettings.transport(config, fps)
                            .withThreads(component.streamThreads(name, "video")));
            FrameSource source = config.getSource() == null ? null
                    : FrameSources.open(config.getSource(), MediaSettings.source(config, fps)
                            .withThreads(component.streamThreads(name, "source")));
            stream = new V1Stream(name, config, client, transport, source);
            builder = V1Session.builder(client).publisher(stream.new TrackedPublisher());
        }
        stream.session = builder.listener(stream)
                .reconnectPolicy(StreamRequests.reconnectPolicy(config))
                .threadFactory(component.streamThreads(name, "v1 session"))
                .startAsync();
        stream.session.whenComplete((started, error) -> stream.started(error));
        return stream;
    }

    @Override
    String name() {
        return name;
    }

    @Override
    OvershootConfiguration configuration() {
        return configuration;
    }

    V1Client client() {
        return client;
    }

    @Override
    StreamStatus status() {
        return status;
    }

    @Override
    boolean isOver() {
        return closed != null || status.ended();
    }

    void subscribe(SessionListener consumer) {
        subscribers.add(consumer);
    }

    void unsubscribe(SessionListener consumer) {
        subscribers.remove(consumer);
    }

    /**
     * The session once it started; while it is still starting, waits up to requestTimeout and then fails, saying
     * where the stream stands.
     */
    CompletableFuture<V1Session> session() {
        return within(session, status);
    }

    /** Completes when the session started (the stream created and, when published, its room joined), however long. */
    CompletableFuture<V1Session> whenStarted() {
        return session;
    }

    /**
     * Converts a frame (under a lock: the converter is not thread-safe) and hands it to the LiveKit publisher.
     *
     * @return false when it was dropped: above the publish rate, or the room is not joined yet
     */
    boolean publish(FrameBodies.FrameInput input) {
        if (transport == null) {
            throw new IllegalStateException("Overshoot stream '" + name + "' is a camera the service pulls"
                    + " (cameraPull=service): it takes no frames from routes");
        }
        synchronized (publishing) {
            if (closed != null || status.ended()) {
                throw new StreamClosedException("Overshoot stream '" + name + "' takes no more frames: "
                        + (status.ended() ? status.reason() : "it is closing"));
            }
            try (I420Frame frame = input.convert(converter, System.nanoTime() - clockOrigin)) {
                return transport.publish(frame);
            }
        }
    }

    /** Closes the stream now: stops the source, closes the session (deleting the stream), releases the media. */
    @Override
    synchronized CompletableFuture<Void> closeAsync() {
        if (closed == null) {
            closed = new CompletableFuture<>();
            if (source != null) {
                source.close();
            }
            session.handle((started, error) -> started)
                    .thenCompose(started -> started == null ? CompletableFuture.completedFuture(null)
                            : started.closeAsync())
                    .whenComplete((ignored, error) -> {
                        releaseMedia();
                        closed.complete(null);
                    });
        }
        return closed;
    }

    @Override
    public void onEvent(StreamEvent event) {
        if (!status.ended()) {
            status = statusAfter(event);
        }
        subscribers.forEach(consumer -> consumer.onEvent(event));
    }

    /** A v1 stream has no results channel: created (and, when published, its room joined) means live. */
    private StreamStatus statusAfter(StreamEvent event) {
        String id = event.streamId();
        Instant now = Instant.now();
        return switch (event.type()) {
            case CREATED -> transport == null ? status.after(StreamEvent.connected(id), null, now)
                    : new StreamStatus(StreamStatus.State.STARTING, id, "stream " + id
                    + " created; joining its LiveKit room", null, 0, null, null);
            case RECREATED -> transport == null ? status.after(StreamEvent.connected(id), null, now)
                    : status.after(StreamEvent.reconnecting(id, 0, "stream " + event.previousStreamId()
                    + " was lost (" + event.reason() + "); joining the new stream's room"), null, now);
            default -> status.after(event, null, now);
        };
    }

    @Override
    public void onError(OvershootException error) {
        String id = status.streamId();
        if (!status.ended()) {
            status = status.after(StreamEvent.reconnecting(id, errors.incrementAndGet(), error.getMessage()), null,
                    Instant.now());
        }
        subscribers.forEach(consumer -> consumer.onError(error));
    }

    @Override
    public void onFrame(I420Frame frame) {
        try (frame) {
            synchronized (publishing) {
                if (closed == null) {
                    transport.publish(frame);
                }
            }
        }
    }

    /**
     * A file that ended (loop=false) ends the stream with it, as in v0.2, so that its consumers see the end; a camera
     * the source gave up on is logged, and the stream stays for questions about what it buffered.
     */
    @Override
    public void onEnded(SourceEnd end) {
        String message = "Overshoot stream '" + name + "': " + end.describe();
        if (end.failed()) {
            LOG.warn(message, end.cause());
        } else {
            LOG.info("{}; the stream ends with it", message);
            session.thenAccept(V1Session::closeAsync);
        }
    }

    private void started(Throwable error) {
        if (error != null) {
            OvershootException failure = error.getCause() instanceof OvershootException overshoot ? overshoot
                    : new OvershootException("Overshoot stream '" + name + "' could not start: " + error.getMessage(),
                    error);
            status = status.after(StreamEvent.ended(status.streamId(), StreamEvent.ERROR), failure, Instant.now());
            subscribers.forEach(consumer -> consumer.onError(failure));
            return;
        }
        synchronized (this) {
            if (source != null && closed == null) {
                source.start(this);
            }
        }
    }

    private void connected(String id) {
        errors.set(0);
        if (!status.ended()) {
            status = status.after(StreamEvent.connected(id), null, Instant.now());
        }
    }

    private void releaseMedia() {
        if (transport == null) {
            return;
        }
        synchronized (publishing) {
            transport.close();
            converter.close();
        }
    }

    /** The LiveKit transport, reporting each joined room (the first, a recreated stream's, a rejoin) as connected. */
    private final class TrackedPublisher implements Publisher {

        @Override
        public CompletableFuture<Void> connect(Publish publish, Consumer<OvershootException> failures) {
            return transport.connect(publish, failures).thenRun(() -> connected(status.streamId()));
        }

        @Override
        public void updateToken(String token) {
            transport.updateToken(token);
        }

        @Override
        public CompletableFuture<Void> disconnect() {
            return transport.disconnect();
        }
    }
}
