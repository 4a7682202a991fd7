package dev.camelovershoot.client.v1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Objects;

/**
 * A camera the service pulls itself instead of a client publishing: RTSP ({@code rtsp://}, {@code rtsps://}, over
 * TCP) or an HLS playlist ({@code http(s)://}). The service refuses private, loopback and link-local addresses, and
 * answers 422 after about 15 s when it cannot connect. Responses carry only the type; the URL is never echoed.
 *
 * @param type {@code rtsp} or {@code hls}
 * @param url  the camera URL; may hold credentials, so {@code toString()} masks it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CameraSource(String type, String url) {

    public static final String RTSP = "rtsp";
    public static final String HLS = "hls";

    public static CameraSource rtsp(String url) {
        return new CameraSource(RTSP, Objects.requireNonNull(url, "url"));
    }

    public static CameraSource hls(String url) {
        return new CameraSource(HLS, Objects.requireNonNull(url, "url"));
    }

    @Override
    public String toString() {
        return "CameraSource[type=" + type + ", url=" + (url == null ? "null" : "***") + "]";
    }
}
