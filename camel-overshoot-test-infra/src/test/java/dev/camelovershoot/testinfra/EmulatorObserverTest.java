package dev.camelovershoot.testinfra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelovershoot.testinfra.frames.EmulatorFrame;
import dev.camelovershoot.testinfra.frames.TestImages;
import dev.camelovershoot.testinfra.inference.ScriptedBackend;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EmulatorObserverTest {

    private record Stored(String streamId, EmulatorFrame frame) {
    }

    private record Sent(String streamId, String resultId, long sentNanos) {
    }

    private static final List<Stored> STORED = new CopyOnWriteArrayList<>();
    private static final List<Sent> SENT = new CopyOnWriteArrayList<>();

    @RegisterExtension
    static final OvershootEmulatorExtension EMULATOR = OvershootEmulatorExtension.create(b -> b
            .backend(new ScriptedBackend()).frameStoreMaxFrames(1).observer(new EmulatorObserver() {
                @Override
                public void frameStored(String streamId, EmulatorFrame frame) {
                    STORED.add(new Stored(streamId, frame));
                }

                @Override
                public void resultSent(String streamId, String resultId, long sentNanos) {
                    SENT.add(new Sent(streamId, resultId, sentNanos));
                }
            }));

    private final OvershootEmulator emulator = EMULATOR.emulator();
    private final Api api = new Api(emulator);

    @AfterEach
    void endStreams() {
        Api.endAll(emulator);
        STORED.clear();
        SENT.clear();
    }

    @Test
    void everyStoredFrameIsObservedEvenBeyondTheStoresCapacity() {
        String id = api.createStream(Api.frameStream(10));

        emulator.injectFrame(id, TestImages.solid(64, 48, "red"));
        emulator.injectFrame(id, TestImages.solid(64, 48, "blue"));

        assertThat(STORED).extracting(Stored::streamId).containsExactly(id, id);
        assertThat(STORED).extracting(s -> s.frame().index()).containsExactly(0L, 1L);
        assertThat(emulator.frames(id)).containsExactly(STORED.get(1).frame());
    }

    @Test
    void aResultSentToASocketIsObservedWithItsIdBeforeTheClientHasIt() {
        String id = api.createStream(Api.frameStream(0.1));
        ResultsClient socket = ResultsClient.attach(emulator, id);
        emulator.scripted().enqueue("seen");
        long before = System.nanoTime();

        emulator.injectFrame(id, TestImages.solid(64, 48, "red"));
        JsonNode result = socket.nextResult();
        long received = System.nanoTime();

        await().atMost(Duration.ofSeconds(5)).until(() -> !SENT.isEmpty());
        Sent sent = SENT.get(0);
        assertThat(sent.streamId()).isEqualTo(id);
        assertThat(sent.resultId()).isEqualTo(result.get("id").asText());
        assertThat(sent.sentNanos()).isBetween(before, received);
    }

    @Test
    void aResultWithoutSocketsIsNotObserved() {
        String id = api.createStream(Api.frameStream(0.1));
        emulator.scripted().enqueue("unseen");
        emulator.injectFrame(id, TestImages.solid(64, 48, "red"));
        await().atMost(Duration.ofSeconds(5)).until(() -> emulator.scripted().pending() == 0);

        // Inference is sequential per stream: once the next result arrives, the first was published or not.
        ResultsClient socket = ResultsClient.attach(emulator, id);
        emulator.scripted().enqueue("seen");
        emulator.injectFrame(id, TestImages.solid(64, 48, "blue"));
        String seen = socket.nextResult().get("id").asText();

        await().atMost(Duration.ofSeconds(5)).until(() -> !SENT.isEmpty());
        assertThat(SENT).extracting(Sent::resultId).containsExactly(seen);
    }
}
