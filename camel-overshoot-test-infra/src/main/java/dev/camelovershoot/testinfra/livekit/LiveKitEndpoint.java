package dev.camelovershoot.testinfra.livekit;

import java.time.Duration;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.server.ServerUpgradeRequest;
import org.eclipse.jetty.websocket.server.ServerUpgradeResponse;
import org.eclipse.jetty.websocket.server.ServerWebSocketContainer;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/**
 * The LiveKit signalling endpoint on Jetty: WebSocket upgrades on {@code PREFIX/rtc} (protocol v0, parameters in
 * the query) and {@code PREFIX/rtc/v1} (v1, {@code join_request}), and {@code GET PREFIX/rtc/validate} and
 * {@code PREFIX/rtc/v1/validate}. Clients are given the URL {@code ws://HOST:PORT} + PREFIX.
 */
public final class LiveKitEndpoint {

    /** Clients ping every 5 s; a connection silent for longer than the announced ping timeout is dead. */
    private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(SignalMessages.PING_TIMEOUT_SECONDS + 5);
    /** Offers with many media sections and sync_state messages stay far below this. */
    private static final long MAX_MESSAGE_BYTES = 1 << 20;

    private LiveKitEndpoint() {
    }

    /**
     * A handler for the endpoint's paths under {@code pathPrefix} (e.g. {@code /livekit}, or {@code ""} for the root),
     * relative to the enclosing context if any. It declines every other path, so it can sit in a
     * {@code Handler.Sequence} next to other handlers. Add it before the server starts.
     */
    public static Handler handler(Server server, String pathPrefix, LiveKitRooms rooms) {
        String prefix = pathPrefix.endsWith("/") ? pathPrefix.substring(0, pathPrefix.length() - 1) : pathPrefix;
        WebSocketUpgradeHandler upgrades = WebSocketUpgradeHandler.from(server, container -> configure(container, prefix, rooms));
        upgrades.setHandler(new PlainRequests(prefix, rooms));
        return upgrades;
    }

    private static void configure(ServerWebSocketContainer container, String prefix, LiveKitRooms rooms) {
        container.setIdleTimeout(IDLE_TIMEOUT);
        container.setMaxBinaryMessageSize(MAX_MESSAGE_BYTES);
        container.addMapping(prefix + "/rtc", (rq, rs, cb) -> upgrade(rq, rs, cb, false, rooms));
        container.addMapping(prefix + "/rtc/v1", (rq, rs, cb) -> upgrade(rq, rs, cb, true, rooms));
    }

    /** Refuses before upgrading (so clients see the HTTP status), like a LiveKit server. */
    private static Object upgrade(ServerUpgradeRequest request, ServerUpgradeResponse response, Callback callback, boolean v1,
                                  LiveKitRooms rooms) {
        SignalAdmission admission = SignalAdmission.check(request, v1, rooms);
        if (!admission.admitted()) {
            writeText(response, admission.status(), admission.error(), callback);
            return null;
        }
        return new SignalConnection(admission.room(), admission.grant(), admission.join());
    }

    private static void writeText(Response response, int status, String text, Callback callback) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        Content.Sink.write(response, true, text, callback);
    }

    /** Validate calls, and 404 for non-upgrade requests on the WebSocket paths. */
    private static final class PlainRequests extends Handler.Abstract.NonBlocking {
        private final String prefix;
        private final LiveKitRooms rooms;

        PlainRequests(String prefix, LiveKitRooms rooms) {
            this.prefix = prefix;
            this.rooms = rooms;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            String path = Request.getPathInContext(request);
            if (path.equals(prefix + "/rtc") || path.equals(prefix + "/rtc/v1")) {
                writeText(response, HttpStatus.NOT_FOUND_404, "WebSocket upgrade required", callback);
                return true;
            }
            boolean v1 = path.equals(prefix + "/rtc/v1/validate");
            if (!v1 && !path.equals(prefix + "/rtc/validate")) {
                return false;
            }
            // Browsers read the validate answer cross-origin to explain a failed connection.
            response.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
            if (!HttpMethod.GET.is(request.getMethod())) {
                writeText(response, HttpStatus.METHOD_NOT_ALLOWED_405, "GET only", callback);
                return true;
            }
            SignalAdmission admission = SignalAdmission.check(request, v1, rooms);
            writeText(response, admission.status(), admission.admitted() ? "success" : admission.error(), callback);
            return true;
        }
    }
}
