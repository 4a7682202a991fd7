package dev.camelovershoot.testinfra.server;

import org.eclipse.jetty.server.Request;

/** URLs of ours handed back to a client, built from how the client reached us (v0.2 and v1 endpoints). */
public final class RequestUrls {

    private RequestUrls() {
    }

    /** Where the client reached us: {@code host:port}. */
    public static String authority(Request request) {
        return Request.getServerName(request) + ":" + Request.getServerPort(request);
    }

    /** A WebSocket URL of ours, {@code wss://} when the request reached us over TLS. */
    public static String webSocket(Request request, String path) {
        return (request.isSecure() ? "wss://" : "ws://") + authority(request) + path;
    }
}
