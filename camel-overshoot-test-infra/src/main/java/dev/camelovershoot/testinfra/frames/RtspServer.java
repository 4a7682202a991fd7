package dev.camelovershoot.testinfra.frames;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * An RTSP camera for tests: the camera-rtsp example's {@code rtsp-server.py} (GStreamer's RTSP server, Debian
 * packages installed by scripts/prereqs.sh) serving the H.264 video of one MP4 file on a free port, for as long as
 * this is open. It tells its clients, and which process holds them, from outside the clients (Linux's /proc).
 */
public final class RtspServer implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(20);

    private final Process process;
    private final String url;

    private RtspServer(Process process, String url) {
        this.process = process;
        this.url = url;
    }

    /**
     * Serves {@code file} at {@code rtsp://127.0.0.1:<free port>/<mount>} with the server script {@code script}; its
     * errors go to {@code log}.
     */
    public static RtspServer serve(Path script, Path file, String mount, Path log) throws Exception {
        return serve(script, file, 0, mount, log);
    }

    /**
     * Serves {@code file} at {@code rtsp://127.0.0.1:<port>/<mount>} (port 0: a free one): a camera that comes back
     * where its clients left it. Its errors are appended to {@code log}.
     */
    public static RtspServer serve(Path script, Path file, int port, String mount, Path log) throws Exception {
        Process process = new ProcessBuilder("/usr/bin/python3", script.toString(), file.toString(),
                Integer.toString(port), mount)
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            String url = CompletableFuture.supplyAsync(() -> readLine(out)).get(STARTUP.toSeconds(), TimeUnit.SECONDS);
            if (url == null || !url.startsWith("rtsp://")) {
                throw new IllegalStateException("the RTSP server did not start (see " + log + "): " + url);
            }
            return new RtspServer(process, url);
        } catch (Exception e) {
            stop(process);
            throw e;
        }
    }

    public String url() {
        return url;
    }

    /** The port the server listens on. */
    public int port() {
        return URI.create(url).getPort();
    }

    /** How many clients are connected to the server now: its established connections. */
    public long clients() throws IOException {
        int port = port();
        return TcpConnections.established().stream().filter(c -> c.localPort() == port).count();
    }

    /** How many connections to the server process {@code pid} holds now (0 once it has exited). */
    public long clientsFrom(long pid) throws IOException {
        int port = port();
        Set<Long> sockets = TcpConnections.socketsOf(pid);
        return TcpConnections.established().stream()
                .filter(c -> c.remotePort() == port && sockets.contains(c.inode())).count();
    }

    @Override
    public void close() throws InterruptedException {
        stop(process);
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    private static String readLine(BufferedReader reader) {
        try {
            return reader.readLine();
        } catch (IOException e) {
            throw new IllegalStateException("could not read the RTSP server's output", e);
        }
    }
}
