package dev.camelovershoot.reliability;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.core.ConditionTimeoutException;

/**
 * What every reliability test sets up: the emulator in its own JVM, the fault proxy in front of it, and the user's
 * route pointed at the proxy. The faults of the chaos schedule are its methods.
 */
final class Rig implements AutoCloseable {

    static final String API_KEY = "ovs_reliability_key";
    /** Threads of this JVM that died of an exception nobody caught: a crash, whatever the route did next. */
    private static final List<String> CRASHED = new CopyOnWriteArrayList<>();

    static {
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> CRASHED.add(thread.getName() + ": " + e));
    }

    private final Profile profile;
    private final EmulatorJvm emulator;
    private final FaultProxy proxy;
    private final RouteUnderTest route;

    private Rig(Profile profile, EmulatorJvm emulator, FaultProxy proxy, RouteUnderTest route) {
        this.profile = profile;
        this.emulator = emulator;
        this.proxy = proxy;
        this.route = route;
    }

    static Rig start(Profile profile, Path out, int width, int height, int fps) throws Exception {
        EmulatorJvm emulator = new EmulatorJvm(API_KEY, profile.leaseTtlSeconds(), out).start();
        FaultProxy proxy = FaultProxy.start(emulator.apiPort());
        RouteUnderTest route = new RouteUnderTest("http://127.0.0.1:" + proxy.port() + "/v0.2", API_KEY, profile,
                width, height, fps).start();
        return new Rig(profile, emulator, proxy, route);
    }

    /** The threads that died of an uncaught exception so far, with it. */
    static List<String> crashedThreads() {
        return List.copyOf(CRASHED);
    }

    EmulatorJvm emulator() {
        return emulator;
    }

    FaultProxy proxy() {
        return proxy;
    }

    RouteUnderTest route() {
        return route;
    }

    /** Waits for the first result received at or after {@code sinceNanos}; its arrival time, or -1 after {@code bound}. */
    long awaitResultSince(long sinceNanos, Duration bound) {
        try {
            return await().dontCatchUncaughtExceptions().atMost(bound).pollInterval(Duration.ofMillis(50))
                    .until(() -> route.firstReceivedSince(sinceNanos), r -> r != null).nanos();
        } catch (ConditionTimeoutException e) {
            return -1;
        }
    }

    /** Waits until the emulator stored more than {@code frames} frames (its counter restarts with each process). */
    boolean awaitFramesBeyond(long frames, Duration bound) {
        try {
            await().dontCatchUncaughtExceptions().atMost(bound).pollInterval(Duration.ofMillis(100))
                    .until(() -> emulator.framesStored() > frames);
            return true;
        } catch (ConditionTimeoutException e) {
            return false;
        }
    }

    /** Waits until {@code count} more results arrived: the stream is steady again. */
    boolean awaitSteady(int count, Duration bound) {
        int before = route.received().size();
        try {
            await().dontCatchUncaughtExceptions().atMost(bound).pollInterval(Duration.ofMillis(50))
                    .until(() -> route.received().size() >= before + count);
            return true;
        } catch (ConditionTimeoutException e) {
            return false;
        }
    }

    /** The stream the route receives results from now: the one of its latest result. */
    String currentStream() {
        List<RouteUnderTest.Received> received = route.received();
        return received.get(received.size() - 1).streamId();
    }

    // The faults. Each returns when the service is back ({@link System#nanoTime()}).

    long dropResultSockets() {
        emulator.control("/drop-results?stream=" + currentStream());
        return System.nanoTime();
    }

    long dropSignal() {
        emulator.control("/drop-signal?stream=" + currentStream());
        return System.nanoTime();
    }

    /** Two keepalives answer 503: back once they have certainly been tried (a lease TTL later). */
    long failKeepalives() {
        emulator.control("/fail-keepalives?count=2&status=503");
        return System.nanoTime() + Duration.ofSeconds(profile.leaseTtlSeconds()).toNanos();
    }

    /** Two keepalives answer only after the client's request timeout: back once both were tried. */
    long timeOutKeepalives() {
        long delay = profile.requestTimeoutMillis() + 2000;
        emulator.control("/delay-keepalives?count=2&millis=" + delay);
        return System.nanoTime() + Duration.ofSeconds(profile.leaseTtlSeconds()).toNanos()
                + Duration.ofMillis(2 * delay).toNanos();
    }

    /** The service loses the stream (its lease expired, say): the route must replace it. */
    long loseStream() {
        emulator.control("/end-stream?stream=" + currentStream() + "&reason=lease_expired");
        return System.nanoTime();
    }

    /** The next keepalive's answer is truncated JSON: back once it has certainly been tried (a lease TTL later). */
    long malformKeepaliveAnswer() {
        emulator.control("/malform-rest?count=1", "{\"status\": \"ok\", \"ttl_seconds\": tru".getBytes(UTF_8));
        return System.nanoTime() + Duration.ofSeconds(profile.leaseTtlSeconds()).toNanos();
    }

    /** The stream is lost and the answer to creating its replacement is truncated JSON. */
    long malformCreateAnswer() {
        emulator.control("/malform-rest?count=1", "{\"stream_id\": 12".getBytes(UTF_8));
        return loseStream();
    }

    /** The LiveKit server asks for a rejoin and answers its offer with text that is not SDP. */
    long malformSdpAnswer() {
        emulator.control("/malform-sdp?count=1");
        emulator.control("/rejoin?stream=" + currentStream());
        return System.nanoTime();
    }

    long cutConnections() {
        proxy.cut();
        return System.nanoTime();
    }

    long delayNetwork(Duration delay, Duration during) throws InterruptedException {
        proxy.delay(delay);
        Thread.sleep(during.toMillis());
        proxy.delay(Duration.ZERO);
        return System.nanoTime();
    }

    /** SIGKILL; the outage; a new emulator process, every stream forgotten; back when it listens. */
    long killEmulator(Duration outage) throws Exception {
        emulator.kill();
        Thread.sleep(outage.toMillis());
        emulator.start();
        proxy.upstream(emulator.apiPort());
        return System.nanoTime();
    }

    long blackhole(Duration outage) throws InterruptedException {
        proxy.blackhole();
        Thread.sleep(outage.toMillis());
        proxy.heal();
        return System.nanoTime();
    }

    @Override
    public void close() throws Exception {
        try (emulator; proxy) {
            route.close();
        }
    }
}
