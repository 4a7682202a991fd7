package dev.camelovershoot.testinfra.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * One results WebSocket ({@code /ws/streams/{id}}). The client's first message must be {@code {"api_key": ...}}
 * with a key that owns the stream; after that the socket only receives results, and later client messages are
 * ignored. Public only because Jetty invokes listener methods reflectively.
 */
public final class ResultSocket implements Session.Listener.AutoDemanding, ResultChannel {

    static final int GOING_AWAY = 1001;
    static final int POLICY_VIOLATION = 1008;

    private final String streamId;
    private final StreamService service;
    private final AtomicBoolean greeted = new AtomicBoolean();
    private volatile Session session;
    private volatile Stream stream;

    ResultSocket(String streamId, StreamService service) {
        this.streamId = streamId;
        this.service = service;
    }

    /** The close reason the service sends when a stream ends. */
    static String endedReason(String reason) {
        return "stream ended: " + reason;
    }

    @Override
    public void onWebSocketOpen(Session session) {
        this.session = session;
    }

    @Override
    public void onWebSocketText(String message) {
        if (greeted.compareAndSet(false, true)) {
            stream = service.attach(streamId, apiKey(message), this).orElse(null);
            if (stream != null && !session.isOpen()) {
                stream.detach(this);
            }
        }
    }

    @Override
    public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
        callback.succeed();
        if (greeted.compareAndSet(false, true)) {
            close(POLICY_VIOLATION, "invalid api key");
        }
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason, Callback callback) {
        Stream attached = stream;
        if (attached != null) {
            attached.detach(this);
        }
        callback.succeed();
    }

    @Override
    public void send(String json) {
        session.sendText(json, Callback.NOOP);
    }

    @Override
    public void close(int code, String reason) {
        session.close(code, reason, Callback.NOOP);
    }

    @Override
    public void drop() {
        session.disconnect();
    }

    private static String apiKey(String message) {
        try {
            JsonNode key = Json.MAPPER.readTree(message).path("api_key");
            return key.isTextual() ? key.asText() : null;
        } catch (Exception e) {
            return null;
        }
    }
}
