package dev.camelovershoot.client.v1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The body of {@code POST /chat/completions}, OpenAI-compatible. Build it with {@link #builder(String)}.
 *
 * @param model               a model id from {@code GET /models}
 * @param messages            the conversation
 * @param maxTokens           output cap (the legacy name, which the official client sends)
 * @param maxCompletionTokens output cap (the current name)
 * @param temperature         sampling temperature, passed through to the model
 * @param responseFormat      structured output
 * @param stream              {@code true} for server-sent events; {@code null} means false
 * @param streamOptions       with {@code stream}: whether the last chunk carries the usage
 * @param threadId            prompt-cache key across related requests
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ChatRequest(String model, List<Message> messages, Integer maxTokens, Integer maxCompletionTokens,
                          Double temperature, ResponseFormat responseFormat, Boolean stream,
                          StreamOptions streamOptions, String threadId) {

    public ChatRequest {
        Objects.requireNonNull(model, "model");
        if (messages == null || messages.isEmpty()) {
            throw new IllegalArgumentException("A chat request needs at least one message");
        }
        messages = List.copyOf(messages);
    }

    public static Builder builder(String model) {
        return new Builder(model);
    }

    /** The same request answered as server-sent events, with the usage in the last chunk. */
    public ChatRequest streaming() {
        return new ChatRequest(model, messages, maxTokens, maxCompletionTokens, temperature, responseFormat, true,
                new StreamOptions(true), threadId);
    }

    /** @param includeUsage whether the last chunk before {@code [DONE]} carries the usage */
    @JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record StreamOptions(boolean includeUsage) {
    }

    /** Collects the parts of a {@link ChatRequest}. */
    public static final class Builder {

        private final String model;
        private final List<Message> messages = new ArrayList<>();
        private Integer maxTokens;
        private Integer maxCompletionTokens;
        private Double temperature;
        private ResponseFormat responseFormat;
        private String threadId;

        private Builder(String model) {
            this.model = Objects.requireNonNull(model, "model");
        }

        public Builder system(String text) {
            return message(Message.system(text));
        }

        public Builder user(String text) {
            return message(Message.user(text));
        }

        /** A question about a frame or a window. */
        public Builder ask(String question, OvsReference reference) {
            return message(Message.user(question, reference));
        }

        public Builder message(Message message) {
            messages.add(Objects.requireNonNull(message, "message"));
            return this;
        }

        public Builder maxTokens(int maxTokens) {
            this.maxTokens = positive(maxTokens, "maxTokens");
            return this;
        }

        public Builder maxCompletionTokens(int maxCompletionTokens) {
            this.maxCompletionTokens = positive(maxCompletionTokens, "maxCompletionTokens");
            return this;
        }

        public Builder temperature(double temperature) {
            if (!(temperature >= 0 && temperature <= 2)) {
                throw new IllegalArgumentException("temperature must be between 0 and 2, was " + temperature);
            }
            this.temperature = temperature;
            return this;
        }

        public Builder responseFormat(ResponseFormat responseFormat) {
            this.responseFormat = responseFormat;
            return this;
        }

        public Builder threadId(String threadId) {
            this.threadId = threadId;
            return this;
        }

        public ChatRequest build() {
            return new ChatRequest(model, messages, maxTokens, maxCompletionTokens, temperature, responseFormat, null,
                    null, threadId);
        }

        private static int positive(int value, String name) {
            if (value < 1) {
                throw new IllegalArgumentException(name + " must be at least 1, was " + value);
            }
            return value;
        }
    }
}
