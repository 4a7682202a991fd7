package dev.camelovershoot.client.v1;

import static dev.camelovershoot.client.v1.V1Support.FAST;
import static dev.camelovershoot.client.v1.V1Support.client;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.camelovershoot.client.AuthenticationException;
import dev.camelovershoot.client.Futures;
import dev.camelovershoot.client.StreamEvent;
import dev.camelovershoot.testinfra.OvershootEmulator;
import dev.camelovershoot.testinfra.OvershootEmulatorExtension;
import dev.camelovershoot.testinfra.RecordedRequest;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A v1 stream kept alive against the emulator: keepalive, tokens to the publisher, recreation, close. */
class V1SessionTest {

    @RegisterExtension
    static final OvershootEmulatorExtension EMULATOR = OvershootEmulatorExtension.create(b -> { });

    private final OvershootEmulator emulator = EMULATOR.emulator();
    private final V1Client client = client(emulator);
    private final RecordingPublisher publisher = new RecordingPublisher();
    private final Events events = new Events();
    private V1Session session;

    @AfterEach
    void close() {
        if (session != null) {
            session.close();
        }
    }

    @Test
    void renewsTheLeaseAndHandsEveryFreshTokenToThePublisher() {
        session = start(Duration.ofMillis(150));
        String id = session.streamId();

        await().atMost(Duration.ofSeconds(5)).until(() -> publisher.tokens.size() >= 3);

        assertThat(publisher.joined).containsExactly(session.stream().publish());
        assertThat(publisher.tokens).allSatisfy(token -> assertThat(token).isNotBlank());
        assertThat(emulator.requests()).filteredOn(r -> r.equals(
                new RecordedRequest("POST", "/v1beta/streams/" + id + "/keepalive", 200))).hasSizeGreaterThanOrEqualTo(3);
        assertThat(events.types()).containsExactly(StreamEvent.Type.CREATED);
        assertThat(events.threads).allSatisfy(name -> assertThat(name).startsWith("test-v1-session-"));
    }

    @Test
    void aReapedStreamIsReplacedAndThePublisherJoinsTheNewRoom() {
        session = start(Duration.ofMillis(150));
        String lost = session.streamId();

        emulator.v1().reap(lost);
        await().atMost(Duration.ofSeconds(5)).until(() -> !session.streamId().equals(lost)
                && publisher.joined.size() == 2);

        String replacement = session.streamId();
        assertThat(events.events).contains(StreamEvent.recreated(replacement, lost, "reaped"));
        assertThat(publisher.joined.get(1)).isEqualTo(session.stream().publish());
        assertThat(publisher.disconnects).hasPositiveValue();
        assertThat(emulator.v1().status(replacement).path("state").asText()).isEqualTo("active");
        assertThat(emulator.v1().status(lost).path("end_reason").asText()).isEqualTo("reaped");
    }

    @Test
    void aWatchOrAnyoneElseMayAskForTheReplacementOnce() {
        session = start(Duration.ofSeconds(30));
        String lost = session.streamId();
        emulator.v1().reap(lost);

        CompletableFuture<String> first = session.recreate(lost);
        CompletableFuture<String> second = session.recreate(lost);
        String replacement = Futures.await(first);

        assertThat(Futures.await(second)).isEqualTo(replacement).isNotEqualTo(lost);
        assertThat(Futures.await(session.recreate(lost))).isEqualTo(replacement);
        assertThat(events.types()).containsExactly(StreamEvent.Type.CREATED, StreamEvent.Type.RECREATED);
    }

    @Test
    void closeDeletesTheStreamAndEndsWithEnded() {
        session = start(Duration.ofSeconds(30));
        String id = session.streamId();

        session.close();

        assertThat(emulator.v1().status(id).path("end_reason").asText()).isEqualTo("deleted");
        assertThat(events.events).last().isEqualTo(StreamEvent.ended(id, StreamEvent.CLIENT_REQUESTED));
        assertThat(session.isActive()).isFalse();
    }

    @Test
    void aRejectedKeyFailsTheStartAtOnce() {
        CompletableFuture<V1Session> start = V1Session.builder(client(emulator, "ovs_rejected_key_77"))
                .reconnectPolicy(FAST).startAsync();

        assertThat(start).failsWithin(Duration.ofSeconds(5)).withThrowableOfType(ExecutionException.class)
                .withCauseInstanceOf(AuthenticationException.class);
    }

    private V1Session start(Duration keepaliveEvery) {
        return V1Session.builder(client).publisher(publisher).listener(events).reconnectPolicy(FAST)
                .keepaliveEvery(keepaliveEvery).threadFactory(named("test-v1-session-")).start();
    }

    static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
