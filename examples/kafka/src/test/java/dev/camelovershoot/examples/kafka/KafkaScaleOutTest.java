package dev.camelovershoot.examples.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Issue 15's scale-out on Kafka, with separate processes: three nodes of the example in one consumer group, a KRaft
 * broker from Kafka's test kit, 12 cameras; the node with the most cameras is killed with SIGKILL mid-run.
 * Node logs: {@code target/scale-out-logs/}.
 */
class KafkaScaleOutTest {

    private static final Duration SESSION_TIMEOUT = Duration.ofSeconds(6);

    @Test
    void camerasOfAKilledNodeMoveToTheOthersAndEveryLaterFrameGetsItsResult() throws Exception {
        Path logs = Files.createDirectories(Path.of("target", "scale-out-logs"));
        ScaleOutFigures figures = new ScaleOutRun(12, 3, SESSION_TIMEOUT, Duration.ofMillis(500),
                Duration.ofSeconds(5)).run(logs);
        System.out.println(figures);

        assertThat(figures.closedOnJoin()).as("streams closed on revocation as the nodes joined").isPositive();
        assertThat(figures.movedCameras()).as("cameras of the killed node").isNotEmpty();
        assertThat(figures.recovery()).as("cameras whose results resumed after the kill").hasSize(12);
        assertThat(figures.recovery().values()).as("time from the kill to each camera's first new result")
                .allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(figures.recoveryBound()));
        assertThat(figures.longestOverlap()).as("longest time a camera had two open streams")
                .isLessThanOrEqualTo(SESSION_TIMEOUT);
        assertThat(figures.framesAfterRecovery()).as("frames published after recovery").isGreaterThan(12 * 10);
        assertThat(figures.framesWithoutResult()).as("frames that reached the service after recovery, without a result")
                .isEmpty();
        assertThat(figures.framesReachedRatio()).as("frames after recovery that reached the service (WebRTC): lost "
                + figures.framesLost()).isGreaterThanOrEqualTo(0.99);
        assertThat(figures.misroutedResults()).as("results keyed by another camera").isZero();
    }
}
