package dev.camelovershoot.testinfra.frames;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The established TCP connections of this host and the processes that hold them, as Linux's {@code /proc} tells
 * (the machines this project builds on run Linux): which process is connected to a server, seen from outside it.
 */
final class TcpConnections {

    /** One end of an established connection: the local and remote port, and the socket's inode. */
    record Connection(int localPort, int remotePort, long inode) {
    }

    private static final String ESTABLISHED = "01";
    private static final Pattern SOCKET = Pattern.compile("socket:\\[(\\d+)]");

    private TcpConnections() {
    }

    /** Every established connection end of this host, IPv4 and IPv6. */
    static List<Connection> established() throws IOException {
        List<Connection> connections = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            List<String> lines = Files.readAllLines(Path.of(table));
            for (String line : lines.subList(1, lines.size())) {
                // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode ...
                String[] fields = line.trim().split("\\s+");
                if (fields[3].equals(ESTABLISHED)) {
                    connections.add(new Connection(port(fields[1]), port(fields[2]), Long.parseLong(fields[9])));
                }
            }
        }
        return connections;
    }

    /** The inodes of the sockets process {@code pid} has open; none once it has exited. */
    static Set<Long> socketsOf(long pid) throws IOException {
        Set<Long> inodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            for (Path fd : (Iterable<Path>) fds::iterator) {
                try {
                    Matcher socket = SOCKET.matcher(Files.readSymbolicLink(fd).toString());
                    if (socket.matches()) {
                        inodes.add(Long.parseLong(socket.group(1)));
                    }
                } catch (NoSuchFileException closedMeanwhile) {
                    // the descriptor was closed while listing
                }
            }
        } catch (NoSuchFileException exited) {
            return Set.of();
        }
        return inodes;
    }

    /** {@code 0100007F:1F90} (address:port in hex) to 8080. */
    private static int port(String address) {
        return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1), 16);
    }
}
