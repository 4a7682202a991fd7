package dev.camelovershoot.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on loopback in front of the emulator's HTTP port (REST, results WebSocket, LiveKit signalling), with
 * the network's failures on demand: a blackhole (connections are accepted and kept, nothing is forwarded either way
 * and no RST is sent, as when packets vanish), added delay, and cut connections (RST to both sides). While the
 * upstream is down (the emulator killed), new connections are reset at once, as a refused connect would be.
 * Threads: one acceptor, a reader and a writer per direction of each connection, all named {@code fault-proxy-*}.
 */
final class FaultProxy implements AutoCloseable {

    private static final int CONNECT_TIMEOUT_MILLIS = 2000;
    private static final int CHUNK_BYTES = 16 * 1024;
    private static final int QUEUED_CHUNKS = 64;

    private final ServerSocket server;
    private final Set<Link> links = ConcurrentHashMap.newKeySet();
    private final AtomicInteger threads = new AtomicInteger();
    private final Object gate = new Object();
    private boolean blackholed;
    private volatile int upstreamPort;
    private volatile long delayMillis;
    private volatile boolean closed;

    private FaultProxy(ServerSocket server, int upstreamPort) {
        this.server = server;
        this.upstreamPort = upstreamPort;
    }

    static FaultProxy start(int upstreamPort) throws IOException {
        ServerSocket server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        FaultProxy proxy = new FaultProxy(server, upstreamPort);
        proxy.thread("accept", proxy::acceptLoop).start();
        return proxy;
    }

    int port() {
        return server.getLocalPort();
    }

    /** Points new connections at another port (the emulator came back as a new process). */
    void upstream(int port) {
        upstreamPort = port;
    }

    /** From now on nothing is forwarded, in either direction, on old or new connections; nothing is closed. */
    void blackhole() {
        synchronized (gate) {
            blackholed = true;
        }
    }

    /** Ends a blackhole: what waited is forwarded, held connections are connected upstream. */
    void heal() {
        synchronized (gate) {
            blackholed = false;
            gate.notifyAll();
        }
    }

    /** Adds {@code delay} before every chunk forwarded, in both directions. */
    void delay(Duration delay) {
        delayMillis = delay.toMillis();
    }

    /** Resets every open connection on both sides; returns how many. */
    int cut() {
        int count = 0;
        for (Link link : links) {
            link.close(true);
            count++;
        }
        return count;
    }

    @Override
    public void close() throws IOException {
        closed = true;
        heal();
        server.close();
        cut();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = server.accept();
                thread("open", () -> open(client)).start();
            } catch (IOException e) {
                if (!closed) {
                    throw new IllegalStateException("fault proxy accept failed", e);
                }
            }
        }
    }

    private void open(Socket client) {
        if (!awaitOpenGate()) {
            return;
        }
        Socket upstream = new Socket();
        Link link = new Link(client, upstream);
        try {
            upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), upstreamPort),
                    CONNECT_TIMEOUT_MILLIS);
            client.setTcpNoDelay(true);
            upstream.setTcpNoDelay(true);
        } catch (IOException e) {
            link.close(true);
            return;
        }
        links.add(link);
        thread("up", () -> pump(link, client, upstream)).start();
        thread("down", () -> pump(link, upstream, client)).start();
    }

    /**
     * Reads one direction into a bounded queue of chunks, each stamped with when it was read; a second thread writes
     * them out no earlier than that plus the delay. So delay adds latency without capping throughput, and a
     * blackhole stops both reading and writing: the sender's window fills as it would on a dead path.
     */
    private void pump(Link link, Socket from, Socket to) {
        BlockingQueue<Chunk> chunks = new ArrayBlockingQueue<>(QUEUED_CHUNKS);
        thread("write", () -> write(link, chunks, to)).start();
        byte[] buffer = new byte[CHUNK_BYTES];
        try (InputStream in = from.getInputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0 && awaitOpenGate()
                    && hand(link, chunks, new Chunk(Arrays.copyOf(buffer, n), System.nanoTime()))) {
                // read on
            }
            hand(link, chunks, Chunk.END);
        } catch (IOException e) {
            hand(link, chunks, Chunk.END);
        }
    }

    /** Queues a chunk, waiting for room; false when the link closed meanwhile. */
    private static boolean hand(Link link, BlockingQueue<Chunk> chunks, Chunk chunk) {
        try {
            while (!chunks.offer(chunk, 1, TimeUnit.SECONDS)) {
                if (link.closed) {
                    return false;
                }
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void write(Link link, BlockingQueue<Chunk> chunks, Socket to) {
        try (OutputStream out = to.getOutputStream()) {
            for (Chunk chunk = next(link, chunks); chunk != Chunk.END && awaitOpenGate(); chunk = next(link, chunks)) {
                long wait = chunk.readNanos() + delayMillis * 1_000_000 - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                out.write(chunk.bytes());
            }
        } catch (IOException e) {
            // the other side went away
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            link.close(false);
        }
    }

    /** The next chunk to write; {@link Chunk#END} when the link closed. */
    private static Chunk next(Link link, BlockingQueue<Chunk> chunks) throws InterruptedException {
        Chunk chunk;
        while ((chunk = chunks.poll(1, TimeUnit.SECONDS)) == null) {
            if (link.closed) {
                return Chunk.END;
            }
        }
        return chunk;
    }

    /** Waits while blackholed; false when the proxy closed meanwhile. */
    private boolean awaitOpenGate() {
        synchronized (gate) {
            while (blackholed && !closed) {
                try {
                    gate.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return !closed;
    }

    private Thread thread(String role, Runnable body) {
        Thread thread = new Thread(body, "fault-proxy-" + role + "-" + threads.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    }

    /** Bytes read from one side, and when. */
    private record Chunk(byte[] bytes, long readNanos) {
        static final Chunk END = new Chunk(new byte[0], 0);
    }

    /** A client connection and its upstream connection, closed together. */
    private final class Link {

        private final Socket client;
        private final Socket upstream;
        private volatile boolean closed;

        Link(Socket client, Socket upstream) {
            this.client = client;
            this.upstream = upstream;
        }

        void close(boolean reset) {
            closed = true;
            links.remove(this);
            close(client, reset);
            close(upstream, reset);
        }

        private void close(Socket socket, boolean reset) {
            try {
                if (reset && !socket.isClosed()) {
                    socket.setSoLinger(true, 0);
                }
                socket.close();
            } catch (IOException e) {
                // closed already
            }
        }
    }
}
