package dev.camelovershoot.testinfra.v1;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Camera sources ({@code source: {type: rtsp|hls, url}}) the emulator pulls itself: the URL checks the service makes
 * (scheme, no private, loopback or link-local address unless allowed), then a puller that connects with retries and
 * feeds the stream's buffer. A camera that cannot be reached within the connect timeout answers 422.
 */
final class CameraSources {

    /** Opens a camera into a stream's buffer; {@link CameraUnreachableException} when it cannot connect in time. */
    @FunctionalInterface
    interface Puller {
        AutoCloseable open(V1Stream stream, URI url, String type) throws CameraUnreachableException;
    }

    /** The camera could not be reached within the connect timeout; the message says why, never the URL. */
    static final class CameraUnreachableException extends Exception {
        CameraUnreachableException(String message) {
            super(message);
        }
    }

    private static final Map<String, Set<String>> SCHEMES =
            Map.of("rtsp", Set.of("rtsp", "rtsps"), "hls", Set.of("http", "https"));

    private final V1Streams streams;
    private final Puller puller;

    CameraSources(V1Streams streams, Puller puller) {
        this.streams = streams;
        this.puller = puller;
    }

    /** Creates a stream pulling from {@code source}; 422 for a refused or unreachable camera. */
    V1Stream open(String apiKey, JsonNode source) {
        String type = source.path("type").asText("");
        if (!SCHEMES.containsKey(type)) {
            throw V1Error.validation(List.of("body", "source", "type"), "Input should be 'rtsp' or 'hls'");
        }
        URI url = url(source.path("url"), type);
        V1Stream stream = streams.createPulled(apiKey, type);
        try {
            stream.attachMedia(puller.open(stream, url, type));
        } catch (CameraUnreachableException e) {
            streams.end(stream, V1Stream.EXPIRED);
            throw V1Error.simple(422, "Could not connect to source url: " + e.getMessage());
        }
        return stream;
    }

    private URI url(JsonNode value, String type) {
        List<Object> loc = List.of("body", "source", "url");
        if (!value.isTextual() || value.asText().isBlank()) {
            throw V1Error.validation(loc, "Field required");
        }
        URI url;
        try {
            url = new URI(value.asText());
        } catch (URISyntaxException e) {
            throw V1Error.validation(loc, "Input should be a valid URL");
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!SCHEMES.get(type).contains(scheme) || url.getHost() == null) {
            throw V1Error.validation(loc, "A " + type + " source needs a " + String.join(" or ",
                    SCHEMES.get(type).stream().sorted().toList()) + " URL with a host");
        }
        if (!streams.settings().allowPrivateSources() && isPrivate(url.getHost())) {
            throw V1Error.simple(422, "Source url points at a private, loopback or link-local address");
        }
        return url;
    }

    /** Whether any address the host resolves to is private, loopback, link-local or unspecified. */
    private static boolean isPrivate(String host) {
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                boolean uniqueLocal = address instanceof Inet6Address && (address.getAddress()[0] & 0xfe) == 0xfc;
                if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                        || address.isAnyLocalAddress() || uniqueLocal) {
                    return true;
                }
            }
            return false;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
