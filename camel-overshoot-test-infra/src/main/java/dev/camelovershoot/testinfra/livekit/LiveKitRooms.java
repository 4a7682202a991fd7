package dev.camelovershoot.testinfra.livekit;

import dev.camelovershoot.testinfra.rtc.WebRtcRuntime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The LiveKit rooms the emulator serves. A room exists only while bound to a {@link RoomListener} (one stream);
 * clients joining any other room are refused with 404, like a LiveKit server that does not auto-create rooms.
 * Also the test controls that make a room misbehave on purpose.
 */
public final class LiveKitRooms implements AutoCloseable {

    /** How long a room may have no connected participant before its publisher counts as gone. */
    public static final Duration DEFAULT_PUBLISHER_GRACE = Duration.ofSeconds(10);
    /** A LiveKit server pushes a fresh token this often. */
    private static final Duration REFRESH_INTERVAL = Duration.ofMinutes(5);
    /** Lifetime of pushed tokens: a LiveKit server's minimum for refreshed tokens. */
    private static final Duration REFRESH_TOKEN_TTL = Duration.ofMinutes(10);

    private final ConcurrentMap<String, Room> rooms = new ConcurrentHashMap<>();
    private final LiveKitTokens tokens;
    private final ScheduledExecutorService timers;
    private final RoomContext context;

    public LiveKitRooms(LiveKitTokens tokens, WebRtcRuntime webrtc) {
        this(tokens, webrtc, DEFAULT_PUBLISHER_GRACE);
    }

    public LiveKitRooms(LiveKitTokens tokens, WebRtcRuntime webrtc, Duration publisherGrace) {
        this.tokens = tokens;
        this.timers = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "livekit-rooms");
            t.setDaemon(true);
            return t;
        });
        this.context = new RoomContext(webrtc, tokens, timers, publisherGrace, REFRESH_INTERVAL, REFRESH_TOKEN_TTL,
                new AtomicInteger());
    }

    /** The tokens clients must present; also mints them for the emulator's stream responses. */
    public LiveKitTokens tokens() {
        return tokens;
    }

    /**
     * Opens room {@code name}: its frames and presence go to {@code listener}.
     *
     * @throws IllegalStateException when the room is already bound
     */
    public void bind(String name, RoomListener listener) {
        Objects.requireNonNull(listener, "listener");
        if (rooms.putIfAbsent(name, new Room(name, listener, context)) != null) {
            throw new IllegalStateException("LiveKit room already bound: " + name);
        }
    }

    /** Closes room {@code name}: its participants get {@code leave(DISCONNECT, ROOM_DELETED)}. No-op when unbound. */
    public void unbind(String name) {
        Room room = rooms.remove(name);
        if (room != null) {
            room.close();
        }
    }

    public boolean isBound(String name) {
        return rooms.containsKey(name);
    }

    /** Counters of a bound room; all zero for an unbound one. */
    public RoomCounters counters(String name) {
        Room room = rooms.get(name);
        return room == null ? RoomCounters.NONE : room.counters();
    }

    /**
     * Test control: drops every participant's signal WebSocket without a close frame, as a network failure would.
     * Clients then resume; the sessions wait for that up to the publisher grace period.
     *
     * @return how many connections were dropped
     */
    public int dropSignal(String name) {
        return (int) onParticipants(name, Participant::dropSignal).stream().filter(Boolean::booleanValue).count();
    }

    /**
     * Test control: sends {@code leave(action RECONNECT)} to every participant and ends their sessions, so clients
     * rejoin from scratch (a new join, a new participant sid).
     *
     * @return how many participants were asked
     */
    public int requestReconnect(String name) {
        Room room = rooms.get(name);
        return room == null ? 0 : room.requestReconnect();
    }

    /**
     * Test control: pushes a freshly minted {@code refresh_token} to every connected participant.
     *
     * @return the tokens pushed
     */
    public List<String> pushRefreshToken(String name) {
        List<String> pushed = new ArrayList<>(onParticipants(name, Participant::pushRefreshToken));
        pushed.removeIf(Objects::isNull);
        return pushed;
    }

    /**
     * Test control: sends {@code bytes} as they are, as one binary signal message, to every participant of the room:
     * a malformed or unexpected message a client must survive.
     *
     * @return how many participants it was sent to
     */
    public int sendRawSignal(String name, byte[] bytes) {
        return (int) onParticipants(name, p -> p.sendRaw(bytes)).stream().filter(Boolean::booleanValue).count();
    }

    /** Test control: the next {@code count} SDP answers, in any room, are malformed (not SDP). */
    public void malformNextAnswers(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative");
        }
        context.malformedAnswers().addAndGet(count);
    }

    /** Ends every session and stops the timers. The WebRTC runtime stays open: its owner closes it afterwards. */
    @Override
    public void close() {
        new ArrayList<>(rooms.keySet()).forEach(this::unbind);
        timers.shutdownNow();
    }

    Room room(String name) {
        return rooms.get(name);
    }

    private <T> List<T> onParticipants(String name, Function<Participant, T> action) {
        Room room = rooms.get(name);
        return room == null ? List.of() : room.forEachParticipant(action);
    }
}
