package dev.camelovershoot.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * A route runs while faults arrive on a schedule (docs/reliability.md): every outage must be survived (a result
 * arrives and video flows again within the profile's bound after the service is back, without anyone restarting the
 * route), and no result the emulator sent while the route was connected may be missing.
 */
class ChaosTest {

    /** A result sent this close before a disconnecting fault may have been in flight when it hit. */
    private static final Duration IN_FLIGHT = Duration.ofSeconds(1);
    private static final Duration STEADY_BOUND = Duration.ofSeconds(30);
    /** Frames the emulator must decode after the service is back: the video flows again. */
    private static final int FRESH_FRAMES = 10;

    private final Profile profile = Profile.current();

    /** One fault of the schedule: does it cut the route off from the service, and how to inject it. */
    private record Fault(String name, boolean disconnects, Injection injection) {
    }

    @FunctionalInterface
    private interface Injection {
        /** Injects the fault, waits out its outage, and answers when the service is back (nanoTime). */
        long inject(Rig rig) throws Exception;
    }

    private List<Fault> schedule() {
        List<Fault> faults = new ArrayList<>(List.of(
                new Fault("results socket dropped", true, Rig::dropResultSockets),
                new Fault("LiveKit signal dropped", false, Rig::dropSignal),
                new Fault("keepalive 503 (x2)", false, Rig::failKeepalives),
                new Fault("keepalive timeouts (x2)", false, Rig::timeOutKeepalives),
                new Fault("stream lost (lease_expired)", true, Rig::loseStream),
                new Fault("keepalive answer malformed", false, Rig::malformKeepaliveAnswer),
                new Fault("stream lost, creation answer malformed", true, Rig::malformCreateAnswer),
                new Fault("rejoin with a malformed SDP answer", false, Rig::malformSdpAnswer),
                new Fault("connections cut (RST)", true, Rig::cutConnections),
                new Fault("network delayed 300 ms for 5 s", false,
                        rig -> rig.delayNetwork(Duration.ofMillis(300), Duration.ofSeconds(5)))));
        for (Duration outage : profile.kills()) {
            faults.add(new Fault("emulator killed, back empty after " + outage.toSeconds() + " s", true,
                    rig -> rig.killEmulator(outage)));
        }
        faults.add(new Fault("network blackholed for " + profile.blackhole().toSeconds() + " s", true,
                rig -> rig.blackhole(profile.blackhole())));
        return faults;
    }

    @Test
    void everyOutageIsSurvivedAndNoResultIsLostWhileConnected() throws Exception {
        Path out = Profile.outputDir();
        List<Outage> outages = new ArrayList<>();
        long end;
        try (Rig rig = Rig.start(profile, out, 320, 240, 10)) {
            assertThat(rig.awaitResultSince(0, Duration.ofSeconds(60))).as("first result").isPositive();
            assertThat(rig.awaitSteady(3, STEADY_BOUND)).as("results flowing before the first fault").isTrue();
            for (Fault fault : schedule()) {
                outages.add(run(rig, fault));
            }
            end = System.nanoTime();
            rig.awaitSteady(2, Duration.ofSeconds(10));
            ChaosReport report = new ChaosReport(profile, outages, rig.emulator().sent(), rig.route(),
                    end - IN_FLIGHT.toNanos() * 2);
            String text = report.text();
            System.out.println(text);
            Files.writeString(out.resolve("chaos-" + profile.name() + ".txt"), text);

            SoftAssertions softly = new SoftAssertions();
            softly.assertThat(report.notSurvived()).as("outages not survived (the harness restarted the routes)")
                    .isEmpty();
            softly.assertThat(report.lostWhileConnected()).as("results lost while connected").isEmpty();
            softly.assertThat(Rig.crashedThreads()).as("threads that died of an uncaught exception").isEmpty();
            softly.assertAll();
        }
    }

    private Outage run(Rig rig, Fault fault) throws Exception {
        long injected = System.nanoTime();
        long back = fault.injection().inject(rig);
        long frames = rig.emulator().framesStored();
        long next = rig.awaitResultSince(back, profile.recoveryBound());
        // Results may still come from frames sent before the fault: video must flow again too.
        boolean survived = next > 0 && rig.awaitFramesBeyond(frames + FRESH_FRAMES, profile.recoveryBound());
        if (!survived) {
            next = -1;
            // The route gave up: restart it, as an operator would, so that the rest of the schedule still runs. A
            // second restart when a malformed answer queued for a call the route never made took the first one.
            for (int restarts = 0; next < 0; restarts++) {
                if (restarts == 2) {
                    throw new AssertionError("after '" + fault.name() + "' not even restarted routes got a result");
                }
                rig.route().restartRoutes();
                next = rig.awaitResultSince(System.nanoTime(), Duration.ofSeconds(45));
            }
        }
        rig.awaitSteady(3, STEADY_BOUND);
        long windowStart = fault.disconnects() ? injected - IN_FLIGHT.toNanos() : injected;
        long windowEnd = fault.disconnects() ? next : injected;
        return new Outage(fault.name(), survived, survived ? Duration.ofNanos(next - back) : null, windowStart,
                windowEnd);
    }
}
