package dev.camelovershoot.testinfra.livekit;

import com.google.protobuf.InvalidProtocolBufferException;
import java.nio.ByteBuffer;
import livekit.LivekitRtc.SignalRequest;
import livekit.LivekitRtc.SignalResponse;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One signal WebSocket: binary protobuf {@code SignalRequest}s in, {@code SignalResponse}s out. It joins or resumes
 * a session when it opens and hands every request to that session. Public only because Jetty invokes endpoints
 * reflectively; not meant to be used outside this package.
 */
public final class SignalConnection implements Session.Listener.AutoDemanding {

    private static final Logger LOG = LoggerFactory.getLogger(SignalConnection.class);

    private final Room room;
    private final LiveKitGrant grant;
    private final JoinParameters join;
    private volatile Session session;
    private Participant participant;
    private boolean closed;

    SignalConnection(Room room, LiveKitGrant grant, JoinParameters join) {
        this.room = room;
        this.grant = grant;
        this.join = join;
    }

    @Override
    public void onWebSocketOpen(Session openedSession) {
        session = openedSession;
        if (join.reconnect()) {
            room.resume(this, grant, join.participantSid());
        } else {
            room.join(this, grant, join);
        }
    }

    /**
     * Binds this connection to its session before anything is sent on it: the client may answer, or the connection
     * may drop, as soon as the first message is out. A close that came first is passed on at once.
     */
    void attach(Participant attached) {
        boolean alreadyClosed;
        synchronized (this) {
            participant = attached;
            alreadyClosed = closed;
        }
        if (alreadyClosed) {
            attached.signalClosed(this);
        }
    }

    @Override
    public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
        try {
            Participant current = attached();
            if (current != null) {
                current.handle(SignalRequest.parseFrom(payload), this);
            }
        } catch (InvalidProtocolBufferException e) {
            LOG.debug("unreadable signal request from {}: {}", grant.identity(), e.getMessage());
        } finally {
            callback.succeed();
        }
    }

    /** LiveKit clients speak binary protobuf; protobuf JSON text frames are not supported. */
    @Override
    public void onWebSocketText(String message) {
        session.close(StatusCode.BAD_DATA, "binary protobuf signal messages only", Callback.NOOP);
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason, Callback callback) {
        signalClosed();
        callback.succeed();
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        LOG.debug("signal connection of {} failed: {}", grant.identity(), cause.toString());
    }

    /** Queues a message; sends are asynchronous, in call order, and failures only mean the client is gone. */
    void send(SignalResponse message) {
        sendRaw(message.toByteArray());
    }

    /** Sends bytes as one binary message, in call order with {@link #send}. */
    synchronized void sendRaw(byte[] bytes) {
        Session current = session;
        if (current != null && current.isOpen()) {
            current.sendBinary(ByteBuffer.wrap(bytes), Callback.NOOP);
        }
    }

    /** A normal close: queued messages go first. */
    void close() {
        Session current = session;
        if (current != null) {
            current.close(StatusCode.NORMAL, null, Callback.NOOP);
        }
    }

    /** Cuts the TCP connection without a close frame, as a network failure would. */
    void drop() {
        Session current = session;
        if (current != null) {
            current.disconnect();
        }
        // Jetty may report the close later, or not at all, for a connection it cut itself.
        signalClosed();
    }

    private void signalClosed() {
        Participant current;
        synchronized (this) {
            closed = true;
            current = participant;
        }
        if (current != null) {
            current.signalClosed(this);
        }
    }

    synchronized boolean isClosed() {
        return closed;
    }

    private synchronized Participant attached() {
        return participant;
    }
}
