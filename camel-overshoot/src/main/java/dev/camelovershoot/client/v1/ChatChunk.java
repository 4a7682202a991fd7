package dev.camelovershoot.client.v1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One event of a streamed answer ({@code stream: true}): OpenAI's {@code chat.completion.chunk}.
 *
 * @param id        the completion id
 * @param object    {@code chat.completion.chunk}
 * @param created   Unix seconds
 * @param model     the model
 * @param choices   the deltas
 * @param usage     on the last chunk when {@code stream_options.include_usage} was asked
 * @param overshoot the service's observability block, when sent
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ChatChunk(String id, String object, long created, String model, List<Delta> choices, Usage usage,
                        JsonNode overshoot) {

    public ChatChunk {
        choices = choices == null ? List.of() : List.copyOf(choices);
    }

    /** The first choice's new text, or an empty string. */
    public String content() {
        return choices.isEmpty() || choices.get(0).delta() == null || choices.get(0).delta().content() == null ? ""
                : choices.get(0).delta().content();
    }

    /**
     * One choice's increment.
     *
     * @param index        the choice
     * @param delta        what is new
     * @param finishReason set on the choice's last chunk
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Delta(int index, ChatCompletion.Reply delta, String finishReason) {
    }
}
