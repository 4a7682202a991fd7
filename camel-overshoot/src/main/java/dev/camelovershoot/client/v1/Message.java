package dev.camelovershoot.client.v1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Objects;

/**
 * A chat message. {@code content} is a string or a list of {@link ContentPart}s, as in OpenAI's API.
 *
 * @param role    {@code system}, {@code user}, {@code assistant} or {@code tool}
 * @param content a {@link String} or a {@code List<ContentPart>}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Message(String role, Object content) {

    public static Message system(String text) {
        return new Message("system", Objects.requireNonNull(text, "text"));
    }

    public static Message user(String text) {
        return new Message("user", Objects.requireNonNull(text, "text"));
    }

    public static Message user(ContentPart... parts) {
        return new Message("user", List.of(parts));
    }

    /** The usual question about video: the text first, then the frame or window it is about. */
    public static Message user(String text, OvsReference reference) {
        return user(ContentPart.text(text), ContentPart.of(reference));
    }

    public static Message assistant(String text) {
        return new Message("assistant", Objects.requireNonNull(text, "text"));
    }
}
