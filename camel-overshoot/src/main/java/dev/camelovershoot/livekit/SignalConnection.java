package dev.camelovershoot.livekit;

import com.google.protobuf.InvalidProtocolBufferException;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import livekit.LivekitRtc.SignalRequest;
import livekit.LivekitRtc.SignalResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One signal WebSocket: binary protobuf in both directions. Fragments are joined before parsing and sends are
 * chained, since {@code java.net.http.WebSocket} allows one outstanding send at a time.
 */
final class SignalConnection implements WebSocket.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(SignalConnection.class);

    private final Consumer<SignalResponse> onMessage;
    private final Consumer<String> onClosed;
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private WebSocket socket;
    private CompletableFuture<?> sending = CompletableFuture.completedFuture(null);
    private volatile boolean closedByUs;
    private volatile boolean sendFailureLogged;

    private SignalConnection(Consumer<SignalResponse> onMessage, Consumer<String> onClosed) {
        this.onMessage = onMessage;
        this.onClosed = onClosed;
    }

    /**
     * Opens the socket, sending the token also as a Bearer header (Rust SDK style); a refused upgrade becomes a
     * {@link LiveKitException} carrying the HTTP status.
     */
    static SignalConnection open(HttpClient http, URI uri, String token, Duration timeout,
                                 Consumer<SignalResponse> onMessage, Consumer<String> onClosed) {
        SignalConnection connection = new SignalConnection(onMessage, onClosed);
        CompletableFuture<WebSocket> opening = http.newWebSocketBuilder().connectTimeout(timeout)
                .header("Authorization", "Bearer " + token)
                .buildAsync(uri, connection);
        try {
            // connectTimeout bounds the TCP connect only: a server (or a middlebox) that accepts and then says
            // nothing would hold the handshake for ever
            connection.socket = opening.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return connection;
        } catch (ExecutionException e) {
            throw refused(e.getCause());
        } catch (TimeoutException e) {
            opening.cancel(true);
            throw new LiveKitException("No answer to the LiveKit signal handshake within " + timeout.toSeconds()
                    + " s");
        } catch (InterruptedException e) {
            opening.cancel(true);
            Thread.currentThread().interrupt();
            throw new LiveKitException("Interrupted while connecting to the LiveKit server");
        }
    }

    private static LiveKitException refused(Throwable cause) {
        if (cause instanceof WebSocketHandshakeException handshake) {
            int status = handshake.getResponse().statusCode();
            String hint = switch (status) {
                case 401, 403 -> ": the LiveKit token was rejected (expired, or signed for another server or room)";
                case 404 -> ": the room does not exist on this server (ended, or lost when the server restarted)";
                default -> "";
            };
            return new LiveKitException("LiveKit signal connection refused with HTTP " + status + hint, status, null);
        }
        return new LiveKitException("Cannot reach the LiveKit server: " + cause, -1, cause);
    }

    /**
     * Queues a message behind the previous ones. A failed send is logged (once per connection: after the first the
     * socket is gone) and fails the returned future, so a caller waiting for a reply learns it at once.
     */
    synchronized CompletableFuture<Void> send(SignalRequest request) {
        byte[] bytes = request.toByteArray();
        CompletableFuture<Void> sent = sending.exceptionally(e -> null)
                .thenCompose(v -> socket.sendBinary(ByteBuffer.wrap(bytes), true))
                .thenAccept(ws -> { })
                .whenComplete((v, e) -> sendFailed(request, e));
        sending = sent;
        return sent;
    }

    private void sendFailed(SignalRequest request, Throwable failure) {
        if (failure == null) {
            return;
        }
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (!sendFailureLogged) {
            sendFailureLogged = true;
            LOG.info("Could not send the LiveKit signal message {}: {}", request.getMessageCase(), cause.toString());
        } else {
            LOG.debug("Could not send the LiveKit signal message {}: {}", request.getMessageCase(), cause.toString());
        }
    }

    /** Closes normally (1000) after pending sends. */
    synchronized void close() {
        closedByUs = true;
        sending.exceptionally(e -> null).thenCompose(v -> socket.sendClose(WebSocket.NORMAL_CLOSURE, ""))
                .orTimeout(2, TimeUnit.SECONDS)
                .whenComplete((v, e) -> socket.abort());
    }

    /** Drops the connection at once, as a network failure would. */
    void abort() {
        closedByUs = true;
        socket.abort();
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
        byte[] chunk = new byte[data.remaining()];
        data.get(chunk);
        partial.writeBytes(chunk);
        if (last) {
            byte[] message = partial.toByteArray();
            partial.reset();
            try {
                onMessage.accept(SignalResponse.parseFrom(message));
            } catch (InvalidProtocolBufferException e) {
                LOG.warn("Skipping a malformed LiveKit signal message ({} bytes)", message.length);
            }
        }
        ws.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        LOG.debug("Ignoring a text signal frame: this client speaks binary protobuf");
        ws.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int code, String reason) {
        lost("signal socket closed (" + code + (reason.isEmpty() ? "" : " " + reason) + ")");
        return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
        lost("signal socket failed: " + error);
    }

    private void lost(String why) {
        if (!closedByUs) {
            onClosed.accept(why);
        }
    }
}
