package dev.camelovershoot.testinfra.livekit;

import dev.camelovershoot.testinfra.rtc.WebRtcRuntime;
import java.time.Duration;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.component.LifeCycle;

/** The LiveKit endpoint on a Jetty server on 127.0.0.1 and a free port, mounted like the emulator does. */
final class LiveKitTestServer implements AutoCloseable {

    static final LiveKitCredentials CREDENTIALS = new LiveKitCredentials("devkey", "test-secret-of-at-least-32-characters");

    private final Server server = new Server();
    private final LiveKitRooms rooms;

    LiveKitTestServer(WebRtcRuntime webrtc, Duration publisherGrace) throws Exception {
        rooms = new LiveKitRooms(new LiveKitTokens(CREDENTIALS), webrtc, publisherGrace);
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        // Mounted as the emulator does: first in a sequence, declining every path that is not its own.
        server.setHandler(new Handler.Sequence(LiveKitEndpoint.handler(server, "/livekit", rooms), new OtherPaths()));
        server.start();
    }

    LiveKitRooms rooms() {
        return rooms;
    }

    LiveKitTokens tokens() {
        return rooms.tokens();
    }

    /** The URL clients are given: {@code ws://127.0.0.1:PORT/livekit}. */
    String url() {
        return "ws://127.0.0.1:" + port() + "/livekit";
    }

    String httpUrl() {
        return "http://127.0.0.1:" + port() + "/livekit";
    }

    private int port() {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    /** Stands for the emulator's own handlers. */
    private static final class OtherPaths extends Handler.Abstract.NonBlocking {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            response.setStatus(HttpStatus.IM_A_TEAPOT_418);
            callback.succeeded();
            return true;
        }
    }

    @Override
    public void close() {
        rooms.close();
        LifeCycle.stop(server);
    }
}
