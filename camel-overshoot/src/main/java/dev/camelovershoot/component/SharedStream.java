package dev.camelovershoot.component;

import dev.camelovershoot.client.OvershootClient;
import dev.camelovershoot.client.OvershootException;
import dev.camelovershoot.client.SourceEndedException;
import dev.camelovershoot.client.StreamClosedException;
import dev.camelovershoot.client.StreamEvent;
import dev.camelovershoot.client.StreamListener;
import dev.camelovershoot.client.StreamSession;
import dev.camelovershoot.client.wire.InferenceResult;
import dev.camelovershoot.client.wire.StreamRequest;
import dev.camelovershoot.media.FrameDecodeException;
import dev.camelovershoot.media.FrameSink;
import dev.camelovershoot.media.I420Frame;
import dev.camelovershoot.media.SourceEnd;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Overshoot stream shared by the producers and consumers of a stream name: its client, session, video transport,
 * frame converter and optional frame source. Results, events and errors fan out to the subscribed consumers.
 * Started without waiting for the network (the session keeps trying while the service cannot be reached); closed
 * (stream deleted, media released) by the last user to leave, or by the closeStream operation.
 */
final class SharedStream extends NamedStream implements StreamListener, FrameSink {

    private static final Logger LOG = LoggerFactory.getLogger(SharedStream.class);

    private final String name;
    private final OvershootConfiguration configuration;
    private final MediaTransport transport;
    /** Set once, before the session starts it. */
    private StreamSource source;
    private final List<StreamListener> subscribers = new CopyOnWriteArrayList<>();
    private final StreamFrames frames;
    private final StreamMetrics metrics;
    private volatile StreamStatus status = StreamStatus.starting();
    private volatile OvershootException fatalError;
    private volatile StreamSession session;
    private volatile CompletableFuture<Void> closed;

    private SharedStream(String name, OvershootConfiguration configuration, MediaTransport transport,
                         StreamMetrics metrics) {
        this.name = name;
        this.metrics = metrics;
        this.configuration = configuration;
        this.transport = transport;
        this.frames = new StreamFrames(name, MediaSettings.converter(configuration), metrics, transport::publish,
                transport::isLive, this::refusal);
    }

    /**
     * Checks the configuration, opens the source (a missing file fails here) and starts creating the stream.
     *
     * @throws IllegalArgumentException for a configuration mistake, naming the option
     */
    static SharedStream start(String endpointName, String key, OvershootConfiguration config,
                              OvershootComponent component) {
        String name = NamedStream.label(endpointName, key);
        StreamRequest request = StreamRequests.request(config, component.getCamelContext());
        OvershootClient client = StreamRequests.client(config, component.httpClient(), component.resultsHttpClient(),
                component.streamThreads(name, null));
        StreamMetrics metrics = component.metrics().open(endpointName, key != null);
        SharedStream stream;
        try {
            MediaTransport transport = MediaTransport.of(config, MediaSettings.transport(config, request.processing())
                    .withThreads(component.streamThreads(name, "video")).withReconnectListener(metrics::reconnect),
                    component);
            stream = new SharedStream(name, config, transport, metrics);
            if (config.getSource() != null) {
                stream.source = new StreamSource(name, config.getSource(), MediaSettings.source(config,
                        request.processing()).withThreads(component.streamThreads(name, "source")),
                        StreamRequests.reconnectPolicy(config), component::timer, stream, metrics,
                        stream::sourceChanged);
            }
        } catch (RuntimeException e) {
            metrics.close();
            throw e;
        }
        stream.session = StreamSession.builder(client, request)
                .transport(stream.transport)
                .listener(stream)
                .reconnectPolicy(StreamRequests.reconnectPolicy(config))
                .recreateOnStreamLoss(config.isRecreateOnStreamLoss())
                .open();
        stream.session.started().thenRun(stream::startSource);
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

    /** The session's status; while a live source is being reopened, that it is down. */
    @Override
    StreamStatus status() {
        StreamStatus session = status;
        return source == null ? session : source.status(session);
    }

    /** The error that ended the stream, if one did. */
    OvershootException fatalError() {
        return fatalError;
    }

    @Override
    boolean isOver() {
        return closed != null || session.isClosed() || status.ended();
    }

    void subscribe(StreamListener consumer) {
        subscribers.add(consumer);
    }

    void unsubscribe(StreamListener consumer) {
        subscribers.remove(consumer);
    }

    /**
     * The session once it connected; while it is still connecting for the first time, waits up to requestTimeout
     * and then fails, saying where the stream stands.
     */
    CompletableFuture<StreamSession> session() {
        return within(session.started(), status);
    }

    /**
     * Reads the frame, converts it and hands it to the transport.
     *
     * @return false when the transport dropped it: above the publish rate, or the video is not connected yet
     * @throws StreamClosedException when the stream is closed or has ended
     * @throws FrameDecodeException  when the body is not a frame
     */
    @Override
    boolean publish(Supplier<FrameBodies.FrameInput> body) {
        return frames.publish(body);
    }

    /** Why producers' frames are refused, null while they are taken. */
    private String refusal() {
        return closed != null ? "it is closing" : status.ended() ? status.reason() : null;
    }

    /** Closes the stream now: stops the source, closes the session (deleting the stream), releases the media. */
    synchronized CompletableFuture<Void> closeAsync() {
        if (closed == null) {
            closed = new CompletableFuture<>();
            if (source != null) {
                source.close();
            }
            session.closeAsync()
                    .whenComplete((ignored, error) -> {
                        releaseMedia();
                        metrics.close();
                        closed.complete(null);
                    });
        }
        return closed;
    }

    @Override
    public void onResult(InferenceResult result) {
        metrics.result(result);
        subscribers.forEach(consumer -> consumer.onResult(result));
    }

    @Override
    public void onError(OvershootException error) {
        fatalError = error;
        if (subscribers.isEmpty()) {
            LOG.warn("Overshoot stream '{}': {}", name, error.getMessage());
        }
        subscribers.forEach(consumer -> consumer.onError(error));
    }

    @Override
    public void onEvent(StreamEvent event) {
        if (!status.ended()) {
            status = status.after(event, fatalError, Instant.now());
            metrics.state(status().state());
        }
        subscribers.forEach(consumer -> consumer.onEvent(event));
    }

    @Override
    public void onRetry(StreamListener.Retry what) {
        metrics.retry(what);
    }

    @Override
    public void onFrame(I420Frame frame) {
        frames.fromSource(frame);
    }

    @Override
    public void onEnded(SourceEnd end) {
        String message = "Overshoot stream '" + name + "': " + end.describe();
        if (end.failed()) {
            transport.fail(new SourceEndedException(message, end.cause()));
        } else {
            // a file without loop ends: normal, so no error, and the stream ends with it
            LOG.info(message);
            transport.fail(new SourceEndedException(message));
        }
    }

    private synchronized void startSource() {
        if (source != null && closed == null) {
            source.start();
        }
    }

    private void sourceChanged() {
        metrics.state(status().state());
    }

    private void releaseMedia() {
        frames.close(transport::close);
    }
}
