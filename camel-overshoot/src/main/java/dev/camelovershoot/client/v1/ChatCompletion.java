package dev.camelovershoot.client.v1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The answer of {@code POST /chat/completions} (OpenAI's {@code chat.completion}); a streamed answer is assembled
 * into the same shape.
 *
 * @param id        the completion id
 * @param object    {@code chat.completion}
 * @param created   Unix seconds
 * @param model     the model that answered
 * @param choices   the answers, usually one
 * @param usage     tokens used, when sent
 * @param overshoot the service's observability block ({@code cache}), when sent
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ChatCompletion(String id, String object, long created, String model, List<Choice> choices,
                             Usage usage, JsonNode overshoot) {

    public ChatCompletion {
        choices = choices == null ? List.of() : List.copyOf(choices);
    }

    /** The first choice's text, or {@code null} when there is none. */
    public String content() {
        return choices.isEmpty() || choices.get(0).message() == null ? null : choices.get(0).message().content();
    }

    /** The first choice's finish reason, or {@code null}. */
    public String finishReason() {
        return choices.isEmpty() ? null : choices.get(0).finishReason();
    }

    /**
     * One answer.
     *
     * @param index        its position
     * @param message      the assistant's message
     * @param finishReason {@code stop}, {@code length}, {@code tool_calls}, {@code content_filter} or {@code null}
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Choice(int index, Reply message, String finishReason) {
    }

    /**
     * The assistant's message.
     *
     * @param role      {@code assistant}
     * @param content   the text, or {@code null}
     * @param toolCalls OpenAI tool calls, when any
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Reply(String role, String content, JsonNode toolCalls) {
    }
}
