package dev.camelovershoot.examples.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Issue 15's scale-out on Kafka, with separate processes ({@link ScaleOutRun}): three nodes of the example in one
 * consumer group, a KRaft broker from Kafka's test kit, 12 cameras; the node with the most cameras is killed with
 * SIGKILL mid-run. Node logs: {@code target/scale-out-logs/}.
 */
class KafkaScaleOutTest {

    private static final Duration SESSION_TIMEOUT = Duration.ofSeconds(6);

    @Test
    void camerasOfAKilledNodeMoveToTheOthersAndEveryLaterFrameGetsItsResult() throws Exception {
        Path logs = Files.createDirectories(Path.of("target", "scale-out-logs"));
        ScaleOutFigures figures = new ScaleOutRun(12, 3, SESSION_TIMEOUT, Duration.ofMillis(500),
                Duration.ofSeconds(5)).run(logs);
        System.out.println(figures);

        // The rebalance listener ran: joining nodes took cameras from the first, whose streams it closed.
        assertThat(figures.closedOnJoin()).as("streams closed on revocation as the nodes joined").isPositive();
        assertThat(figures.movedCameras()).as("cameras of the killed node").isNotEmpty();
        // Every camera's results resume within the group's session timeout + 10 s of the kill.
        assertThat(figures.recovery()).as("cameras whose results resumed after the kill").hasSize(12);
        assertThat(figures.recovery().values()).as("time from the kill to each camera's first new result")
                .allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(figures.recoveryBound()));
        // No camera has two open streams for longer than one rebalance (the session timeout).
        assertThat(figures.longestOverlap()).as("longest time a camera had two open streams")
                .isLessThanOrEqualTo(SESSION_TIMEOUT);
        // Every frame published after recovery gets its result: every one the service received is in a result;
        // WebRTC is lossy, so a frame may not reach the service at all (on this busy machine up to a few %).
        assertThat(figures.framesAfterRecovery()).as("frames published after recovery").isGreaterThanOrEqualTo(100);
        assertThat(figures.framesWithoutResult()).as("frames that reached the service after recovery, without a result")
                .isEmpty();
        assertThat(figures.framesReachedRatio()).as("frames after recovery that reached the service (WebRTC): lost "
                + figures.framesLost()).isGreaterThanOrEqualTo(0.95);
        // Results go to the results topic keyed by their camera.
        assertThat(figures.misroutedResults()).as("results keyed by another camera").isZero();
    }
}
