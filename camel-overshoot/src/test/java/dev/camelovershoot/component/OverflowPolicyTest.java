package dev.camelovershoot.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.camelovershoot.testinfra.OvershootEmulatorExtension;
import dev.camelovershoot.testinfra.inference.ScriptedBackend;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spi.ExceptionHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A consumer whose route is stuck on its first result while ten results arrive (frames over WebRTC, scripted
 * answers), with a queue of two: what each overflow policy delivers, drops and fails once the route moves again; and
 * that such a consumer holds up no other consumer of its stream.
 */
class OverflowPolicyTest extends EmulatorCamelTest {

    private static final int RESULTS = 10;

    @RegisterExtension
    static final OvershootEmulatorExtension EMULATOR = OvershootEmulatorExtension.create(b -> b
            .backend(new ScriptedBackend()));

    private final CountDownLatch gate = new CountDownLatch(1);
    private final List<Throwable> handled = new CopyOnWriteArrayList<>();

    OverflowPolicyTest() {
        super(EMULATOR.emulator());
    }

    @BeforeEach
    void feed() {
        emulator.scripted().clear();
        context.getRegistry().bind("recorder", (ExceptionHandler) new RecordingExceptionHandler(handled));
    }

    @AfterEach
    void openGate() {
        gate.countDown();
    }

    @Test
    void dropOldestKeepsTheNewestResults() throws Exception {
        OvershootConsumer consumer = slowConsumer(OverflowPolicy.dropOldest);
        await().atMost(WAIT).until(() -> consumer.getDroppedCount() == RESULTS - 3);

        MockEndpoint mock = getMockEndpoint("mock:slow");
        mock.expectedBodiesReceived("r1", "r9", "r10");
        gate.countDown();
        mock.assertIsSatisfied(WAIT.toMillis());
        assertThat(consumer.getDeliveredCount()).isEqualTo(3);
        assertThat(consumer.getFailedCount()).isZero();
        assertThat(handled).isEmpty();
    }

    @Test
    void failRejectsNewResultsAndReportsEach() throws Exception {
        OvershootConsumer consumer = slowConsumer(OverflowPolicy.fail);
        await().atMost(WAIT).until(() -> consumer.getFailedCount() == RESULTS - 3);

        MockEndpoint mock = getMockEndpoint("mock:slow");
        mock.expectedBodiesReceived("r1", "r2", "r3");
        gate.countDown();
        mock.assertIsSatisfied(WAIT.toMillis());
        assertThat(consumer.getDeliveredCount()).isEqualTo(3);
        assertThat(consumer.getDroppedCount()).isZero();
        assertThat(handled).hasSize(RESULTS - 3).allSatisfy(error -> assertThat(error)
                .isInstanceOf(RejectedExecutionException.class)
                .hasMessageContaining("queue of 2 is full (overflowPolicy=fail)"));
    }

    @Test
    void blockKeepsEveryResultForTheRouteAndLosesNone() throws Exception {
        OvershootConsumer consumer = slowConsumer(OverflowPolicy.block);
        String streamId = activeStream();
        await().atMost(WAIT).until(() -> snapshot(streamId).resultsSent() == RESULTS);
        await().atMost(WAIT).until(() -> consumer.getQueueSize() == RESULTS - 1);

        MockEndpoint mock = getMockEndpoint("mock:slow");
        mock.expectedBodiesReceived(IntStream.rangeClosed(1, RESULTS).mapToObj(i -> "r" + i).toArray());
        gate.countDown();
        mock.assertIsSatisfied(WAIT.toMillis());
        assertThat(consumer.getDeliveredCount()).isEqualTo(RESULTS);
        assertThat(consumer.getDroppedCount()).isZero();
        assertThat(consumer.getFailedCount()).isZero();
    }

    @Test
    void aBlockedConsumerHoldsUpNeitherTheOtherConsumersNorTheirEvents() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("overshoot:slow?intervalSeconds=0.1&lifecycleEvents=true").routeId("other")
                        .choice().when(header(OvershootConstants.EVENT_TYPE).isNotNull()).to("mock:otherEvents")
                        .otherwise().to("mock:other");
            }
        });
        OvershootConsumer slow = slowConsumer(OverflowPolicy.block);

        MockEndpoint other = getMockEndpoint("mock:other");
        other.expectedBodiesReceived(IntStream.rangeClosed(1, RESULTS).mapToObj(i -> "r" + i).toArray());
        other.assertIsSatisfied(WAIT.toMillis());
        assertThat(slow.getDeliveredCount()).isEqualTo(1);

        MockEndpoint events = getMockEndpoint("mock:otherEvents");
        events.expectedHeaderValuesReceivedInAnyOrder(OvershootConstants.EVENT_TYPE, "CREATED", "CONNECTED",
                "RECONNECTING", "RECOVERED");
        emulator.faults().dropResultSockets(activeStream());
        events.assertIsSatisfied(WAIT.toMillis());
        assertThat(slow.getDeliveredCount()).isEqualTo(1);
        assertThat(slow.getQueueSize()).isEqualTo(RESULTS - 1);
    }

    /** Starts a consumer stuck on its first result until the gate opens, then queues the results. */
    private OvershootConsumer slowConsumer(OverflowPolicy policy) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("overshoot:slow?intervalSeconds=0.1&resultsQueueSize=2&exceptionHandler=#recorder&overflowPolicy="
                        + policy).routeId("slow")
                        .process(exchange -> gate.await(WAIT.toMillis(), TimeUnit.MILLISECONDS))
                        .to("mock:slow");
            }
        });
        startCamera("overshoot:slow");
        connectedStream();
        for (int i = 1; i <= RESULTS; i++) {
            emulator.scripted().enqueue("r" + i);
        }
        return (OvershootConsumer) context.getRoute("slow").getConsumer();
    }
}
