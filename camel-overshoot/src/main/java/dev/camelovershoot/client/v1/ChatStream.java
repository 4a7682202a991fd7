package dev.camelovershoot.client.v1;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.camelovershoot.client.Json;
import dev.camelovershoot.client.NetworkException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The events of one streamed answer: each {@code data:} is a {@link ChatChunk} handed to the caller and added to the
 * whole answer; {@code [DONE]} ends it. A chunk that is not readable JSON is logged and skipped.
 */
final class ChatStream implements Consumer<String> {

    static final String DONE = "[DONE]";
    private static final Logger LOG = LoggerFactory.getLogger(ChatStream.class);

    private final Consumer<ChatChunk> chunks;
    private final Map<Integer, Choice> choices = new TreeMap<>();
    private ChatChunk first;
    private Usage usage;
    private JsonNode overshoot;
    private boolean done;

    ChatStream(Consumer<ChatChunk> chunks) {
        this.chunks = chunks;
    }

    @Override
    public void accept(String data) {
        if (DONE.equals(data.strip())) {
            done = true;
            return;
        }
        ChatChunk chunk;
        try {
            chunk = Json.read(data, ChatChunk.class);
        } catch (JsonProcessingException unreadable) {
            LOG.warn("Skipped an unreadable event of a streamed answer: {}", unreadable.getOriginalMessage());
            return;
        }
        add(chunk);
        try {
            chunks.accept(chunk);
        } catch (RuntimeException e) {
            LOG.warn("The chunk listener failed; the answer continues", e);
        }
    }

    /** The whole answer; fails when the stream ended without {@code [DONE]}. */
    ChatCompletion completion() {
        if (!done) {
            throw new NetworkException("The streamed answer ended before data: [DONE]"
                    + (first == null ? " and carried no chunk" : " (completion " + first.id() + ")")
                    + "; the connection was cut. Ask again.", null);
        }
        List<ChatCompletion.Choice> whole = new ArrayList<>();
        choices.forEach((index, choice) -> whole.add(new ChatCompletion.Choice(index,
                new ChatCompletion.Reply(choice.role, choice.content.toString(), null), choice.finishReason)));
        return first == null ? new ChatCompletion(null, "chat.completion", 0, null, whole, null, null)
                : new ChatCompletion(first.id(), "chat.completion", first.created(), first.model(), whole,
                usage, overshoot);
    }

    private void add(ChatChunk chunk) {
        if (first == null) {
            first = chunk;
        }
        usage = chunk.usage() != null ? chunk.usage() : usage;
        overshoot = chunk.overshoot() != null ? chunk.overshoot() : overshoot;
        for (ChatChunk.Delta delta : chunk.choices()) {
            Choice choice = choices.computeIfAbsent(delta.index(), index -> new Choice());
            if (delta.delta() != null) {
                choice.role = delta.delta().role() != null ? delta.delta().role() : choice.role;
                choice.content.append(delta.delta().content() == null ? "" : delta.delta().content());
            }
            choice.finishReason = delta.finishReason() != null ? delta.finishReason() : choice.finishReason;
        }
    }

    /** One choice as it grows. */
    private static final class Choice {
        private final StringBuilder content = new StringBuilder();
        private String role = "assistant";
        private String finishReason;
    }
}
