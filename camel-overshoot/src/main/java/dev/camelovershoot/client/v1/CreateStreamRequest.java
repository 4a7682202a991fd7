package dev.camelovershoot.client.v1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Objects;

/**
 * The body of {@code POST /streams}: {@code {}} for a stream the client publishes into, or a camera source.
 *
 * @param source the camera the service pulls, or {@code null}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CreateStreamRequest(CameraSource source) {

    public static CreateStreamRequest published() {
        return new CreateStreamRequest(null);
    }

    public static CreateStreamRequest camera(CameraSource source) {
        return new CreateStreamRequest(Objects.requireNonNull(source, "source"));
    }
}
