package dev.camelovershoot.reliability;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** The chaos figures: outages survived, time from the service's return to the next result, results lost. */
final class ChaosReport {

    private final Profile profile;
    private final List<Outage> outages;
    private final List<EmulatorJvm.Sent> sent;
    private final List<EmulatorJvm.Sent> lost;
    private final long framesRefused;

    /** @param cutoffNanos results sent after this were possibly still in flight at the end and are not counted */
    ChaosReport(Profile profile, List<Outage> outages, List<EmulatorJvm.Sent> sent, RouteUnderTest route,
                long cutoffNanos) {
        this.profile = profile;
        this.outages = List.copyOf(outages);
        this.sent = sent.stream().filter(s -> s.nanos() < cutoffNanos).toList();
        this.lost = this.sent.stream().filter(s -> outages.stream().noneMatch(o -> o.disturbed(s.nanos())))
                .filter(s -> !route.receivedId(s.resultId())).toList();
        this.framesRefused = route.framesRefused();
    }

    List<String> notSurvived() {
        return outages.stream().filter(o -> !o.survived()).map(Outage::name).toList();
    }

    List<EmulatorJvm.Sent> lostWhileConnected() {
        return lost;
    }

    String text() {
        StringBuilder out = new StringBuilder("Chaos (" + profile.name() + " profile)\n");
        out.append(String.format("%-45s %-9s %s%n", "fault", "survived", "return -> next result"));
        for (Outage o : outages) {
            out.append(String.format("%-45s %-9s %s%n", o.name(), o.survived() ? "yes" : "NO",
                    o.recovery() == null ? "-" : millis(o.recovery())));
        }
        List<Duration> recoveries = outages.stream().map(Outage::recovery).filter(Objects::nonNull).sorted().toList();
        out.append(String.format("outages survived: %d of %d%n", recoveries.size(), outages.size()));
        if (!recoveries.isEmpty()) {
            out.append(String.format("return -> next result: p50 %s, max %s%n",
                    millis(recoveries.get((recoveries.size() - 1) / 2)), millis(recoveries.get(recoveries.size() - 1))));
        }
        out.append(String.format("results sent by the emulator (counted): %d; lost while connected: %d%n", sent.size(),
                lost.size()));
        out.append(String.format("camera frames the producer refused with an exception: %d%n", framesRefused));
        lost.stream().limit(20).forEach(s -> out.append("  lost: ").append(s).append('\n'));
        return out.toString();
    }

    private static String millis(Duration d) {
        return d.toMillis() + " ms";
    }
}
