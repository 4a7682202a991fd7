package dev.camelovershoot.client.v1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.camelovershoot.client.NetworkException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;

/**
 * A streamed answer read from bytes through java.net.http's own line subscriber, cut at awkward places (inside a
 * line, inside a multi-byte character), as the network delivers it.
 */
class ServerSentEventsTest {

    private static final String BODY = ""
            + ": keep-alive comment\n"
            + "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":7,\"model\":\"m\","
            + "\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"Ein roter \"},"
            + "\"finish_reason\":null}]}\n\n"
            + "event: message\n"
            + "data: {\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Würfel\"},"
            + "\"finish_reason\":null}]}\r\n\r\n"
            + "data: not json\n\n"
            + "data: {\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n"
            + "data: {\"id\":\"c1\",\"choices\":[],\"usage\":{\"prompt_tokens\":300,\"completion_tokens\":4,"
            + "\"total_tokens\":304}}\n\n"
            + "data: [DONE]\n\n";

    @Test
    void chunksArriveOneByOneAndAddUpToTheWholeAnswer() {
        List<String> deltas = new ArrayList<>();
        ChatStream stream = new ChatStream(chunk -> deltas.add(chunk.content()));

        feed(BODY, 7, stream);

        assertThat(deltas).containsExactly("Ein roter ", "Würfel", "", "");
        ChatCompletion whole = stream.completion();
        assertThat(whole.id()).isEqualTo("c1");
        assertThat(whole.model()).isEqualTo("m");
        assertThat(whole.content()).isEqualTo("Ein roter Würfel");
        assertThat(whole.finishReason()).isEqualTo("stop");
        assertThat(whole.usage()).isEqualTo(new Usage(300, 4, 304));
    }

    @Test
    void multiLineDataIsJoinedWithNewlines() {
        List<String> events = new ArrayList<>();

        feed("data: first\ndata:second\n\nid: 3\nretry: 10\ndata: third", 3, events::add);

        assertThat(events).containsExactly("first\nsecond", "third");
    }

    @Test
    void anAnswerCutBeforeDoneIsAFailure() {
        ChatStream stream = new ChatStream(chunk -> { });

        feed(BODY.substring(0, BODY.indexOf("data: not json")), 64, stream);

        assertThatThrownBy(stream::completion).isInstanceOf(NetworkException.class)
                .hasMessageContaining("[DONE]").hasMessageContaining("c1");
    }

    /** Delivers the body in pieces of {@code size} bytes to a line subscriber, as the HTTP client would. */
    private static void feed(String body, int size, java.util.function.Consumer<String> events) {
        HttpResponse.BodySubscriber<Void> lines = HttpResponse.BodySubscribers.fromLineSubscriber(
                new ServerSentEvents(events), ignored -> null, StandardCharsets.UTF_8, null);
        lines.onSubscribe(new Flow.Subscription() {
            @Override
            public void request(long n) {
            }

            @Override
            public void cancel() {
            }
        });
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        for (int from = 0; from < bytes.length; from += size) {
            byte[] piece = java.util.Arrays.copyOfRange(bytes, from, Math.min(bytes.length, from + size));
            lines.onNext(List.of(ByteBuffer.wrap(piece)));
        }
        lines.onComplete();
    }
}
