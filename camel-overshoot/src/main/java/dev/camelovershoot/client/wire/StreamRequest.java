package dev.camelovershoot.client.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Objects;

/**
 * The body of {@code POST /streams}.
 *
 * @param source     where the video comes from; {@code null} for a native stream
 * @param mode       clip or frame; {@link #of} derives it from {@code processing}
 * @param processing sampling parameters
 * @param inference  prompt and model
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record StreamRequest(Source source, Mode mode, Processing processing, Inference inference) {

    public StreamRequest {
        Objects.requireNonNull(processing, "processing");
        Objects.requireNonNull(inference, "inference");
    }

    /** A native-stream request whose mode matches the processing shape. */
    public static StreamRequest of(Processing processing, Inference inference) {
        return new StreamRequest(null, processing.mode(), processing, inference);
    }

    public StreamRequest withSource(Source newSource) {
        return new StreamRequest(newSource, mode, processing, inference);
    }

    public StreamRequest withPrompt(String prompt) {
        return new StreamRequest(source, mode, processing, inference.withPrompt(prompt));
    }
}
