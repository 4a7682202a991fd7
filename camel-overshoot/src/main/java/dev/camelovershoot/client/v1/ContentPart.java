package dev.camelovershoot.client.v1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Objects;

/**
 * One part of a message's content: text, an image (one frame) or a video (a window of frames). Image and video
 * URLs may be {@code ovs://} references ({@link OvsReference}), {@code https://} or {@code data:} URLs; the service
 * passes other URLs to the model unchanged.
 *
 * @param type     {@code text}, {@code image_url} or {@code video_url}
 * @param text     the text of a text part
 * @param imageUrl the image of an {@code image_url} part
 * @param videoUrl the video of a {@code video_url} part
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ContentPart(String type, String text, MediaUrl imageUrl, MediaUrl videoUrl) {

    public static ContentPart text(String text) {
        return new ContentPart("text", Objects.requireNonNull(text, "text"), null, null);
    }

    public static ContentPart image(String url) {
        return new ContentPart("image_url", null, new MediaUrl(Objects.requireNonNull(url, "url")), null);
    }

    public static ContentPart video(String url) {
        return new ContentPart("video_url", null, null, new MediaUrl(Objects.requireNonNull(url, "url")));
    }

    /** The part that carries this reference: an image for a frame, a video for a window. */
    public static ContentPart of(OvsReference reference) {
        return reference.window() ? video(reference.uri()) : image(reference.uri());
    }

    /**
     * The URL of an image or video part.
     *
     * @param url {@code ovs://}, {@code https://} or {@code data:}
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record MediaUrl(String url) {
    }
}
