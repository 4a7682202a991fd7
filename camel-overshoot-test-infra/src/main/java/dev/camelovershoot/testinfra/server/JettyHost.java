package dev.camelovershoot.testinfra.server;

import java.time.Duration;
import java.util.function.Function;
import org.eclipse.jetty.http.pathmap.UriTemplatePathSpec;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.server.WebSocketCreator;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/**
 * One run of the embedded Jetty server: the REST handler behind a WebSocket upgrade handler that maps
 * {@code <base>/ws/streams/{id}}, all behind CORS, over plain HTTP or TLS. A restart is a new run on the same port.
 */
final class JettyHost {

    private final Server server = new Server();
    private final ServerConnector connector;
    private final WebSocketUpgradeHandler webSockets;

    /**
     * @param tls     the key store to serve HTTPS/WSS with, or {@code null} for HTTP/WS
     * @param liveKit makes the LiveKit endpoint for this run's server, or {@code null} when there is none
     */
    JettyHost(EmulatorSettings settings, TlsSettings tls, int port, Handler api, WebSocketCreator resultSockets,
              Function<Server, Handler> liveKit) {
        String basePath = settings.basePath();
        connector = connector(tls);
        connector.setHost(settings.host());
        connector.setPort(port);
        server.addConnector(connector);
        server.setErrorHandler(new JsonErrorHandler());
        webSockets = WebSocketUpgradeHandler.from(server, container -> {
            // Results may be minutes apart (a paused or idle stream); the socket must stay open meanwhile.
            container.setIdleTimeout(Duration.ZERO);
            container.addMapping(new UriTemplatePathSpec(basePath + "/ws/streams/{id}"), resultSockets);
        });
        webSockets.setHandler(api);
        Handler liveKitEndpoint = liveKit.apply(server);
        Handler endpoints = liveKitEndpoint == null ? webSockets : new Handler.Sequence(liveKitEndpoint, webSockets);
        server.setHandler(new CorsHandler(settings.corsOrigins(), endpoints));
    }

    private ServerConnector connector(TlsSettings tls) {
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        if (tls == null) {
            return new ServerConnector(server, new HttpConnectionFactory(http));
        }
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStorePath(tls.keyStore().toString());
        ssl.setKeyStorePassword(tls.password());
        // Clients reach the emulator by IP address, which carries no SNI host name to check.
        http.addCustomizer(new SecureRequestCustomizer(false));
        return new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(http));
    }

    /** Starts serving and answers the bound port. */
    int start() {
        try {
            server.start();
            return connector.getLocalPort();
        } catch (Exception e) {
            stop();
            throw new IllegalStateException("The emulator could not listen on " + connector.getHost() + ":"
                    + connector.getPort() + ": " + e.getMessage(), e);
        }
    }

    /** Stops serving; open WebSockets are cut without a close frame, as a killed process would. */
    void stop() {
        webSockets.getServerWebSocketContainer().getOpenSessions().forEach(Session::disconnect);
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("The emulator did not stop cleanly", e);
        }
    }

    /** The stream id of a results socket upgrade request. */
    static String streamId(Request upgrade) {
        String path = Request.getPathInContext(upgrade);
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
