package dev.camelovershoot.component;

import dev.camelovershoot.client.OvershootException;
import dev.camelovershoot.client.StreamEvent;
import dev.camelovershoot.client.StreamListener;
import dev.camelovershoot.client.v1.CameraSource;
import dev.camelovershoot.client.v1.Publish;
import dev.camelovershoot.client.v1.Publisher;
import dev.camelovershoot.client.v1.SessionListener;
import dev.camelovershoot.client.v1.V1Client;
import dev.camelovershoot.client.v1.V1Session;
import dev.camelovershoot.media.FrameSink;
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
import java.util.function.Supplier;
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
    private final StreamMetrics metrics;
    /** Null for a camera the service pulls. */
    private final StreamFrames frames;
    private final List<SessionListener> subscribers = new CopyOnWriteArrayList<>();
    private final AtomicInteger errors = new AtomicInteger();
    /** Set once, before the session starts it. */
    private StreamSource source;
    private volatile StreamStatus status = StreamStatus.starting();
    private volatile CompletableFuture<V1Session> session;
    private volatile CompletableFuture<Void> closed;

    private V1Stream(String name, OvershootConfiguration configuration, V1Client client, LiveKitTransport transport,
                     StreamMetrics metrics) {
        this.name = name;
        this.configuration = configuration;
        this.client = client;
        this.transport = transport;
        this.metrics = metrics;
        this.frames = transport == null ? null : new StreamFrames(name, MediaSettings.converter(configuration),
                metrics, transport::publish, transport::isLive, this::refusal);
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
        StreamMetrics metrics = component.metrics().open(endpointName, key != null);
        V1Session.Builder builder;
        V1Stream stream;
        try {
            if (camera != null) {
                stream = new V1Stream(name, config, client, null, metrics);
                builder = V1Session.camera(client, camera);
            } else {
                stream = published(name, config, client, component, metrics);
                builder = V1Session.builder(client).publisher(stream.new TrackedPublisher());
            }
        } catch (RuntimeException e) {
            metrics.close();
            throw e;
        }
        stream.session = builder.listener(stream)
                .reconnectPolicy(StreamRequests.reconnectPolicy(config))
                .threadFactory(component.streamThreads(name, "v1 session"))
                .startAsync();
        stream.session.whenComplete((started, error) -> stream.started(error));
        return stream;
    }

    /** A stream the component publishes into: its LiveKit transport, and its source when it has one. */
    private static V1Stream published(String name, OvershootConfiguration config, V1Client client,
                                      OvershootComponent component, StreamMetrics metrics) {
        double fps = MediaSettings.v1PublishFps(config);
        LiveKitTransport transport = LiveKitTransport.serviceRoom(component.webRtcRuntime(), component.httpClient(),
                MediaSettings.transport(config, fps).withThreads(component.streamThreads(name, "video"))
                        .withReconnectListener(metrics::reconnect));
        V1Stream stream = new V1Stream(name, config, client, transport, metrics);
        if (config.getSource() != null) {
            stream.source = new StreamSource(name, config.getSource(), MediaSettings.source(config, fps)
                    .withThreads(component.streamThreads(name, "source")), StreamRequests.reconnectPolicy(config),
                    component::timer, stream, metrics, stream::sourceChanged);
        }
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

    /** The session's status; while a live source is being reopened, that it is down. */
    @Override
    StreamStatus status() {
        StreamStatus session = status;
        return source == null ? session : source.status(session);
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
    @Override
    boolean publish(Supplier<FrameBodies.FrameInput> body) {
        if (frames == null) {
            throw new IllegalStateException("Overshoot stream '" + name + "' is a camera the service pulls"
                    + " (cameraPull=service): it takes no frames from routes");
        }
        return frames.publish(body);
    }

    /** Why producers' frames are refused, null while they are taken. */
    private String refusal() {
        return closed != null ? "it is closing" : status.ended() ? status.reason() : null;
    }

    /** An answer of a consumer's watch on this stream, for the metrics. */
    void answered(Duration latency) {
        metrics.answer(latency);
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
                        metrics.close();
                        closed.complete(null);
                    });
        }
        return closed;
    }

    @Override
    public void onEvent(StreamEvent event) {
        if (!status.ended()) {
            setStatus(statusAfter(event));
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
    public void onRetry(StreamListener.Retry what) {
        metrics.retry(what);
    }

    @Override
    public void onError(OvershootException error) {
        String id = status.streamId();
        if (!status.ended()) {
            setStatus(status.after(StreamEvent.reconnecting(id, errors.incrementAndGet(), error.getMessage()), null,
                    Instant.now()));
        }
        subscribers.forEach(consumer -> consumer.onError(error));
    }

    @Override
    public void onFrame(I420Frame frame) {
        frames.fromSource(frame);
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
            setStatus(status.after(StreamEvent.ended(status.streamId(), StreamEvent.ERROR), failure, Instant.now()));
            subscribers.forEach(consumer -> consumer.onError(failure));
            return;
        }
        synchronized (this) {
            if (source != null && closed == null) {
                source.start();
            }
        }
    }

    private void connected(String id) {
        errors.set(0);
        if (!status.ended()) {
            setStatus(status.after(StreamEvent.connected(id), null, Instant.now()));
        }
    }

    private void setStatus(StreamStatus session) {
        status = session;
        sourceChanged();
    }

    private void sourceChanged() {
        metrics.state(status().state());
    }

    private void releaseMedia() {
        if (frames != null) {
            frames.close(transport::close);
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
