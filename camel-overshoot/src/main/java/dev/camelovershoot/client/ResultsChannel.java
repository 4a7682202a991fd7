package dev.camelovershoot.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.camelovershoot.client.wire.InferenceResult;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WebSocket that pushes a stream's results ({@code /ws/streams/{id}}), authenticated by a first message with
 * the API key. A dropped connection is reopened as the {@link ReconnectPolicy} says. The service ends the channel
 * with close code 1008 when it rejects the key (or does not know the stream: a keepalive answered with 404 tells them
 * apart) and 1001 {@code stream ended: <reason>} when the stream ends; both are final. Any other close, 1001 with
 * another reason included (a server going away in a deploy), is a drop. A malformed message is logged and skipped.
 *
 * <p>Listener calls happen one at a time, in the order the service sent the messages; the next message is read only
 * after the listener returned. A result is handed to the listener on the thread that read it when no other call is
 * pending (no thread hand-off), other calls on the channel's (or session's) dispatch thread.
 */
public final class ResultsChannel implements AutoCloseable {

    /** What happens on a results channel. Methods run one at a time, in order. */
    public interface Listener {

        /** A result, in the order the service sent it. */
        void onResult(InferenceResult result);

        /** The channel is open and authenticated; {@code afterDrop} when it reopened after losing its connection. */
        default void onOpen(boolean afterDrop) {
        }

        /**
         * The connection dropped; reconnect attempt {@code attempt} (from 1) starts after {@code delay}. {@code cause}
         * says what failed.
         */
        default void onReconnecting(int attempt, Duration delay, String cause) {
        }

        /**
         * The stream ended on the service, final: the reason it sent ({@code lease_expired}, ...) or
         * {@value #NOT_FOUND} when the service no longer knows the stream (404 on the handshake, or 1008 on a stream
         * whose keepalive gets 404).
         */
        default void onStreamEnded(String reason) {
        }

        /**
         * The channel failed for good: the key was rejected (close code 1008, or HTTP 401/403 as the code), or
         * reconnecting gave up ({@link #ABNORMAL_CLOSURE}).
         */
        default void onFailed(WebSocketException error) {
        }
    }

    /** The end reason when the service answers the channel with 404: it no longer knows the stream. */
    public static final String NOT_FOUND = "not_found";

    private static final Logger LOG = LoggerFactory.getLogger(ResultsChannel.class);
    private static final String ENDED_PREFIX = "stream ended:";
    /** The close code of the failure when reconnecting gave up. */
    public static final int ABNORMAL_CLOSURE = 1006;
    private static final List<String> REQUIRED_FIELDS = List.of("id", "stream_id", "mode", "model_name", "prompt",
            "result", "inference_latency_ms", "total_latency_ms", "ok");

    private final OvershootClient client;
    private final String streamId;
    private final ReconnectPolicy policy;
    private final Listener listener;
    private final ListenerDispatch dispatcher;
    private final ScheduledExecutorService scheduler;
    /** Whether the dispatcher and scheduler are the channel's own, or a session's. */
    private final boolean ownThreads;
    private final AtomicInteger attempts = new AtomicInteger();
    private final AtomicBoolean openedBefore = new AtomicBoolean();
    private volatile Connection current;
    private volatile boolean finished;
    // Confined to the scheduler thread.
    private ScheduledFuture<?> pendingReconnect;

    ResultsChannel(OvershootClient client, String streamId, ReconnectPolicy policy, Listener listener,
                   ListenerDispatch dispatcher, ScheduledExecutorService scheduler, boolean ownThreads) {
        this.client = client;
        this.streamId = Objects.requireNonNull(streamId, "streamId");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.dispatcher = dispatcher;
        this.scheduler = scheduler;
        this.ownThreads = ownThreads;
    }

    /** A channel with its own thread for listener calls and timers, ended by {@link #close()}. */
    static ResultsChannel open(OvershootClient client, String streamId, ReconnectPolicy policy, Listener listener,
                               ThreadFactory threads) {
        ScheduledExecutorService thread = Threads.single(Threads.factory(threads, "results"));
        ResultsChannel channel = new ResultsChannel(client, streamId, policy, listener, new ListenerDispatch(thread),
                thread, true);
        channel.start();
        return channel;
    }

    void start() {
        scheduler.execute(this::connect);
    }

    public String streamId() {
        return streamId;
    }

    /** Whether the channel is still open or reconnecting. */
    public boolean isActive() {
        return !finished;
    }

    /**
     * Closes the connection and stops reconnecting; safe to call more than once, and from the listener (which
     * cannot wait for its own thread, so the call returns at once).
     */
    @Override
    public void close() {
        CompletableFuture<Void> done = closeAsync();
        if (!dispatcher.inListener()) {
            Futures.await(done);
        }
    }

    /**
     * Like {@link #close()}; completes once the close message is sent or the connection aborted, on the channel's
     * scheduler: what the caller chains on it must not run on the socket's thread, which may be its HTTP client's
     * selector thread (see {@link OvershootClient.Builder#resultsHttpClient}).
     */
    public CompletableFuture<Void> closeAsync() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Runnable complete = () -> done.complete(null);
        try {
            scheduler.execute(() -> finish(null).whenComplete((ignored, error) -> execute(complete, complete)));
        } catch (RejectedExecutionException alreadyStopped) {
            done.complete(null);
        }
        return done;
    }

    private void connect() {
        if (finished) {
            return;
        }
        Connection connection = new Connection();
        current = connection;
        HttpApi http = client.http();
        client.resultsHttp().newWebSocketBuilder()
                .connectTimeout(http.timeout())
                .buildAsync(client.resultsUri(streamId), connection)
                .thenCompose(socket -> socket.sendText(http.authMessage(), true))
                .whenComplete((socket, error) -> {
                    if (error == null) {
                        opened(connection);
                    } else {
                        execute(() -> connectFailed(connection, Futures.strip(error)));
                    }
                });
    }

    /** Runs where the key was sent, before any result can arrive, so {@code onOpen} is dispatched first. */
    private void opened(Connection connection) {
        if (connection != current || finished) {
            connection.abort();
            return;
        }
        boolean afterDrop = openedBefore.getAndSet(true);
        LOG.debug("Results channel of stream {} open{}", streamId, afterDrop ? " again" : "");
        dispatch("onOpen", () -> listener.onOpen(afterDrop));
    }

    private void connectFailed(Connection connection, Throwable error) {
        if (connection != current || finished) {
            return;
        }
        int status = error instanceof WebSocketHandshakeException handshake ? handshake.getResponse().statusCode() : 0;
        if (status == 404) {
            end(NOT_FOUND);
        } else if (status == 401 || status == 403) {
            rejected("the handshake was refused with HTTP " + status, status, null);
        } else {
            reconnect(describe(error), error);
        }
    }

    private void closedByServer(Connection connection, int code, String reason) {
        if (connection != current || finished) {
            return;
        }
        if (code == WebSocketException.POLICY_VIOLATION) {
            current = null;
            policyViolation(reason);
        } else if (code == WebSocketException.GOING_AWAY && isStreamEnd(reason)) {
            end(endReason(reason));
        } else {
            reconnect("closed by the service with code " + code + (reason == null || reason.isBlank() ? ""
                    : " (" + reason + ")"), null);
        }
    }

    private void dropped(Connection connection, Throwable error) {
        if (connection != current || finished) {
            return;
        }
        connection.abort();
        reconnect(describe(error), error);
    }

    private void reconnect(String why, Throwable cause) {
        int attempt = attempts.get();
        if (policy.exhausted(attempt)) {
            fail(new WebSocketException("The results channel of stream " + streamId + " was lost (" + why
                    + ") and " + attempt + " reconnect attempts failed. Check the network; the stream may have"
                    + " ended.", ABNORMAL_CLOSURE, null, cause));
            return;
        }
        Duration delay = policy.delayBefore(attempt);
        attempts.incrementAndGet();
        LOG.info("Results channel of stream {} lost ({}); reconnect {} in {} ms", streamId, why,
                policy.describe(attempt + 1), delay.toMillis());
        dispatch("onReconnecting", () -> listener.onReconnecting(attempt + 1, delay, why));
        pendingReconnect = scheduler.schedule(this::connect, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Code 1008 is sent for a rejected key, and may be for a stream the service does not know; one keepalive tells
     * which, whatever the close reason says.
     */
    private void policyViolation(String reason) {
        client.keepaliveAsync(streamId).whenComplete((renewed, error) -> execute(() -> {
            if (finished) {
                return;
            }
            if (error != null && Futures.unwrap(error) instanceof NotFoundException) {
                end(NOT_FOUND);
            } else {
                rejected("it closed the channel with code 1008", WebSocketException.POLICY_VIOLATION, reason);
            }
        }));
    }

    private void rejected(String how, int code, String reason) {
        fail(new WebSocketException("The service rejected the API key on the results channel of stream " + streamId
                + ": " + how + ". Check the API key (the apiKey setting or " + OvershootClient.API_KEY_ENV + ").",
                code, reason, null));
    }

    private void end(String reason) {
        LOG.info("Stream {} ended on the service: {}", streamId, reason);
        finish(() -> listener.onStreamEnded(reason));
    }

    private void fail(WebSocketException error) {
        LOG.warn("{}", error.getMessage());
        finish(() -> listener.onFailed(error));
    }

    /** Stops for good: no more reconnects, the connection closed, then the last listener call, if any. */
    private CompletableFuture<Void> finish(Runnable lastCall) {
        if (finished) {
            return CompletableFuture.completedFuture(null);
        }
        finished = true;
        if (pendingReconnect != null) {
            pendingReconnect.cancel(false);
        }
        CompletableFuture<Void> closed = current == null ? CompletableFuture.completedFuture(null) : current.close();
        current = null;
        if (lastCall != null) {
            dispatch("the final call", lastCall);
        }
        if (ownThreads) {
            closed.whenComplete((ignored, error) -> dispatcher.shutdown());
        }
        return closed;
    }

    /** Runs channel state changes on the scheduler thread, one at a time. */
    private void execute(Runnable task) {
        execute(task, () -> LOG.trace("Results channel of stream {} already stopped", streamId));
    }

    private void execute(Runnable task, Runnable whenStopped) {
        try {
            scheduler.execute(task);
        } catch (RejectedExecutionException stopped) {
            whenStopped.run();
        }
    }

    private void dispatch(String what, Runnable call) {
        try {
            dispatcher.execute(() -> Threads.guarded(what, call));
        } catch (RejectedExecutionException stopped) {
            LOG.debug("Results channel of stream {}: {} dropped, the session is stopping", streamId, what);
        }
    }

    private void received(Connection connection, String text) {
        if (finished) {
            return;
        }
        attempts.set(0);
        Optional<InferenceResult> result = parse(streamId, text);
        if (result.isEmpty()) {
            connection.requestNext();
            return;
        }
        try {
            dispatcher.executeHere(() -> {
                Threads.guarded("onResult", () -> listener.onResult(result.get()));
                connection.requestNext();
            });
        } catch (RejectedExecutionException stopped) {
            LOG.debug("Result on stream {} dropped, the session is stopping", streamId);
        }
    }

    /** A result message, or empty (logged) when it is not JSON or lacks a field the protocol requires. */
    static Optional<InferenceResult> parse(String streamId, String text) {
        try {
            JsonNode node = Json.tree(text);
            Optional<String> missing = REQUIRED_FIELDS.stream().filter(field -> !node.hasNonNull(field)).findFirst();
            if (missing.isPresent() || !node.get("result").isTextual()) {
                LOG.warn("Skipped a malformed result on stream {}: {}", streamId, missing
                        .map(field -> "no '" + field + "' field").orElse("'result' is not a string"));
                return Optional.empty();
            }
            return Optional.of(Json.MAPPER.treeToValue(node, InferenceResult.class));
        } catch (JsonProcessingException e) {
            LOG.warn("Skipped a malformed result on stream {}: not JSON ({})", streamId, e.getOriginalMessage());
            return Optional.empty();
        }
    }

    /** Whether a 1001 close says the stream ended: {@code stream ended: <reason>}, the only final form. */
    static boolean isStreamEnd(String closeReason) {
        return closeReason != null && closeReason.strip().startsWith(ENDED_PREFIX)
                && !endReason(closeReason).isEmpty();
    }

    /** {@code stream ended: lease_expired} gives {@code lease_expired}. */
    static String endReason(String closeReason) {
        return closeReason.strip().substring(ENDED_PREFIX.length()).strip();
    }

    private static String describe(Throwable error) {
        if (error instanceof WebSocketHandshakeException handshake) {
            return "the handshake was refused with HTTP " + handshake.getResponse().statusCode();
        }
        return error.getClass().getSimpleName() + (error.getMessage() == null ? "" : ": " + error.getMessage());
    }

    /** One WebSocket connection; callbacks of an outdated connection are ignored. */
    private final class Connection implements WebSocket.Listener {

        private static final long CLOSE_WAIT_SECONDS = 2;

        private final StringBuilder text = new StringBuilder();
        private volatile WebSocket socket;

        @Override
        public void onOpen(WebSocket webSocket) {
            socket = webSocket;
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                String message = text.toString();
                text.setLength(0);
                received(this, message);
            } else {
                webSocket.request(1);
            }
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            execute(() -> closedByServer(this, statusCode, reason));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            execute(() -> dropped(this, error));
        }

        void requestNext() {
            WebSocket webSocket = socket;
            if (webSocket != null) {
                webSocket.request(1);
            }
        }

        CompletableFuture<Void> close() {
            WebSocket webSocket = socket;
            if (webSocket == null || webSocket.isOutputClosed()) {
                abort();
                return CompletableFuture.completedFuture(null);
            }
            return webSocket.sendClose(WebSocket.NORMAL_CLOSURE, "")
                    .toCompletableFuture()
                    .completeOnTimeout(webSocket, CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)
                    .handle((ignored, error) -> {
                        webSocket.abort();
                        return null;
                    });
        }

        void abort() {
            WebSocket webSocket = socket;
            if (webSocket != null) {
                webSocket.abort();
            }
        }
    }
}
