package dev.camelovershoot.examples.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What one scale-out run measured; times are from the kill -9 of {@code killedNode} unless said otherwise.
 *
 * @param movedCameras        the cameras of the killed node
 * @param closedOnJoin        camera streams closed by the rebalance listener while the nodes joined
 * @param rebalance           until a surviving node logged its new partitions
 * @param recovery            per camera, until its first result on a frame published after the kill (absent: never)
 * @param framesAfterRecovery frames published after their camera's recovery
 * @param framesLost          of those, frames that never reached the service (lost on the WebRTC path), as
 *                            {@code cam-03#117}
 * @param framesWithoutResult of those, frames that reached the service and no result covered
 * @param misroutedResults    results whose record key was not the camera of their frames
 * @param longestOverlapJoin  the longest time a camera had two open streams while nodes joined (before the kill)
 * @param longestOverlap      the same over the whole run
 */
record ScaleOutFigures(int cameras, int nodes, Duration sessionTimeout, String killedNode, List<Integer> movedCameras,
                       int closedOnJoin, Duration rebalance, Map<Integer, Duration> recovery, int framesAfterRecovery,
                       List<String> framesLost, List<String> framesWithoutResult, int misroutedResults,
                       Duration longestOverlapJoin, Duration longestOverlap) {

    /** Frames published after recovery that reached the service, of all published after recovery. */
    double framesReachedRatio() {
        return framesAfterRecovery == 0 ? 0 : 1 - (double) framesLost.size() / framesAfterRecovery;
    }

    /** The bound the issue sets: the group's session timeout + 10 s. */
    Duration recoveryBound() {
        return sessionTimeout.plusSeconds(10);
    }

    /** Cameras whose results resumed within the bound, of all. */
    double camerasRecoveredRatio() {
        long recovered = recovery.values().stream().filter(d -> d.compareTo(recoveryBound()) <= 0).count();
        return (double) recovered / cameras;
    }

    /** The 99th percentile (nearest rank) of the cameras' recovery times; a camera that never recovered is infinite. */
    double recoveryP99Seconds() {
        List<Double> seconds = java.util.stream.IntStream.rangeClosed(1, cameras)
                .mapToObj(c -> recovery.containsKey(c) ? recovery.get(c).toNanos() / 1e9 : Double.POSITIVE_INFINITY)
                .sorted().toList();
        return seconds.get((int) Math.ceil(0.99 * seconds.size()) - 1);
    }

    /** The slowest camera of the killed node: the time to rebalance its cameras onto the others. */
    Duration movedCamerasBack() {
        return movedCameras.stream().map(c -> recovery.getOrDefault(c, Duration.ofDays(1)))
                .max(Duration::compareTo).orElse(Duration.ZERO);
    }
}
