package dev.camelovershoot.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.camelovershoot.testinfra.OvershootEmulatorExtension;
import dev.camelovershoot.testinfra.inference.ScriptedBackend;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Stopping the CamelContext routes the results already received, then deletes the stream on the service. */
class ShutdownTest extends EmulatorCamelTest {

    @RegisterExtension
    static final OvershootEmulatorExtension EMULATOR = OvershootEmulatorExtension.create(b -> b
            .backend(new ScriptedBackend()));

    private final CountDownLatch gate = new CountDownLatch(1);

    ShutdownTest() {
        super(EMULATOR.emulator());
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("overshoot:closing?intervalSeconds=0.1").routeId("results")
                        .process(exchange -> gate.await(WAIT.toMillis(), TimeUnit.MILLISECONDS))
                        .to("mock:closing");
            }
        };
    }

    @Test
    void gracefulShutdownDrainsTheQueueAndDeletesTheStream() throws Exception {
        startCamera("overshoot:closing");
        String streamId = connectedStream();
        OvershootConsumer consumer = (OvershootConsumer) context.getRoute("results").getConsumer();
        MockEndpoint mock = getMockEndpoint("mock:closing");
        mock.expectedBodiesReceived("one", "two", "three");
        emulator.scripted().enqueue("one").enqueue("two").enqueue("three");
        await().atMost(WAIT).until(() -> consumer.getQueueSize() == 2);

        CompletableFuture<Void> stopping = CompletableFuture.runAsync(context::stop);
        await().atMost(WAIT).until(context::isStopping);
        gate.countDown();
        stopping.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);

        mock.assertIsSatisfied();
        assertThat(consumer.getDroppedCount()).isZero();
        assertThat(requests("DELETE", "/streams/" + streamId)).isEqualTo(1);
        assertThat(snapshot(streamId).endReason()).isEqualTo("client_requested");
    }
}
