package dev.camelovershoot.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP relay in front of a LiveKit signal endpoint (loopback only) that can cut every connection and refuse new ones
 * for as long as a test says: a signalling outage. Media does not pass here: WebRTC finds its own path.
 */
final class SignalProxy implements AutoCloseable {

    private final ServerSocket server;
    private final InetSocketAddress target;
    private final String path;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "signal-proxy");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger held = new AtomicInteger();
    private volatile boolean up = true;
    private volatile boolean holding;
    private volatile Runnable beforeForwarding = () -> { };

    /** @param url the endpoint to relay to, {@code ws://HOST:PORT/PATH} */
    SignalProxy(String url) throws IOException {
        URI uri = URI.create(url);
        target = new InetSocketAddress(uri.getHost(), uri.getPort());
        path = uri.getRawPath();
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(this::acceptLoop);
    }

    /** The relayed endpoint's URL. */
    String url() {
        return "ws://127.0.0.1:" + server.getLocalPort() + path;
    }

    /** Drops every connection without a close frame and refuses new ones until {@link #restore()}. */
    void cut() {
        up = false;
        open.forEach(SignalProxy::closeQuietly);
        open.clear();
    }

    /** Accepts connections and never answers them, as a blackholed path past a middlebox would; until restore. */
    void hold() {
        holding = true;
    }

    void restore() {
        up = true;
        holding = false;
        open.forEach(SignalProxy::closeQuietly);
        open.clear();
    }

    /** Connections accepted and left unanswered while holding. */
    int held() {
        return held.get();
    }

    /** Connections refused while cut: one per client attempt. */
    int refused() {
        return refused.get();
    }

    /** Runs before each accepted connection is relayed, on the relay's thread. */
    void beforeForwarding(Runnable action) {
        beforeForwarding = action;
    }

    @Override
    public void close() {
        closeQuietly(server);
        cut();
        threads.shutdownNow();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                if (!up) {
                    refused.incrementAndGet();
                    closeQuietly(client);
                    continue;
                }
                if (holding) {
                    held.incrementAndGet();
                    open.add(client);
                    continue;
                }
                beforeForwarding.run();
                Socket upstream = connectUpstream(client);
                if (upstream == null) {
                    continue;
                }
                open.add(client);
                open.add(upstream);
                threads.execute(() -> pipe(client, upstream));
                threads.execute(() -> pipe(upstream, client));
            } catch (IOException e) {
                // closed, or the upstream refused: the client sees its connection end
            }
        }
    }

    /** The upstream connection, or null (the client's connection closed) when the endpoint is down itself. */
    private Socket connectUpstream(Socket client) {
        try {
            return new Socket(target.getAddress(), target.getPort());
        } catch (IOException e) {
            closeQuietly(client);
            return null;
        }
    }

    private void pipe(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            // one side went away: end both
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // already closed
        }
    }
}
