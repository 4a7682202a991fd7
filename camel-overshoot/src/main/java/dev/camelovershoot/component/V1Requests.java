package dev.camelovershoot.component;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelovershoot.client.v1.CameraSource;
import dev.camelovershoot.client.v1.ChatRequest;
import dev.camelovershoot.client.v1.OvsReference;
import dev.camelovershoot.client.v1.ResponseFormat;
import dev.camelovershoot.client.v1.V1Client;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Locale;
import org.apache.camel.CamelContext;

/**
 * Turns an endpoint configuration into what the v1 client needs: which API the endpoint speaks, the client, the
 * camera source, the frame or window a question is about and the chat request. Mistakes name the option.
 */
final class V1Requests {

    private static final String SCHEMA_NAME = "answer";

    private V1Requests() {
    }

    /** apiVersion=v1, or auto with an apiUrl ending in /v1beta or /v1. */
    static boolean isV1(OvershootConfiguration config) {
        String version = String.valueOf(config.getApiVersion()).strip().toLowerCase(Locale.ROOT);
        return switch (version) {
            case "v1", "v1beta" -> true;
            case "v0.2" -> false;
            case "auto" -> {
                String url = String.valueOf(config.getApiUrl()).strip().replaceAll("/+$", "").toLowerCase(Locale.ROOT);
                yield url.endsWith("/v1beta") || url.endsWith("/v1");
            }
            default -> throw new IllegalArgumentException("Unknown apiVersion '" + config.getApiVersion()
                    + "': use auto, v0.2 or v1");
        };
    }

    static V1Client client(OvershootConfiguration config, HttpClient http) {
        StreamRequests.requireApiKey(config);
        return V1Client.builder()
                .baseUrl(config.getApiUrl())
                .apiKey(config.getApiKey())
                .httpClient(http)
                .requestTimeout(Duration.ofMillis(config.getRequestTimeout()))
                .build();
    }

    static String model(OvershootConfiguration config) {
        if (config.getModel() == null || config.getModel().isBlank()) {
            throw new IllegalArgumentException("No model: set the model option (the listModels operation lists them)");
        }
        return config.getModel();
    }

    /** The camera the service pulls, when source and cameraPull=service say so; else null (nothing or the component). */
    static CameraSource servicePulled(OvershootConfiguration config) {
        String pull = String.valueOf(config.getCameraPull());
        if (!pull.equals("service")) {
            if (!pull.equals("component")) {
                throw new IllegalArgumentException("Unknown cameraPull '" + pull + "': use component or service");
            }
            return null;
        }
        String source = config.getSource();
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("cameraPull=service needs a source: an rtsp:// or HLS (.m3u8) URL");
        }
        String lower = source.strip().toLowerCase(Locale.ROOT);
        if (lower.startsWith("rtsp://") || lower.startsWith("rtsps://")) {
            return CameraSource.rtsp(source.strip());
        }
        if ((lower.startsWith("http://") || lower.startsWith("https://")) && lower.contains(".m3u8")) {
            return CameraSource.hls(source.strip());
        }
        throw new IllegalArgumentException("cameraPull=service takes an rtsp:// or HLS (.m3u8) source; this one"
                + " is decoded and published by the component (cameraPull=component)");
    }

    /**
     * The frame or window a question is about: an explicit reference (a whole ovs:// URL, or only its query for the
     * endpoint's stream), else the last {@code windowSeconds} at {@code maxFps}, else the newest frame.
     */
    static OvsReference reference(String streamId, String explicit, double windowSeconds, double maxFps) {
        if (explicit != null && !explicit.isBlank()) {
            String text = explicit.strip();
            if (text.startsWith("ovs://")) {
                return OvsReference.parse(text);
            }
            return OvsReference.parse("ovs://streams/" + streamId + "?" + (text.startsWith("?") ? text.substring(1)
                    : text));
        }
        if (windowSeconds < 0) {
            throw new IllegalArgumentException("windowSeconds must be 0 (the newest frame) or positive, got "
                    + windowSeconds);
        }
        return windowSeconds == 0 ? OvsReference.newestFrame(streamId)
                : OvsReference.last(streamId, Duration.ofMillis(Math.round(windowSeconds * 1000)), maxFps);
    }

    /** The response format the outputSchema option asks for, or null. */
    static ResponseFormat responseFormat(OvershootConfiguration config, CamelContext context) {
        JsonNode schema = StreamRequests.outputSchema(config.getOutputSchema(), context);
        return schema == null ? null : ResponseFormat.jsonSchema(SCHEMA_NAME, schema);
    }

    static ChatRequest chat(OvershootConfiguration config, String question, OvsReference about,
                            ResponseFormat format) {
        ChatRequest.Builder builder = ChatRequest.builder(model(config)).ask(question, about);
        if (format != null) {
            builder.responseFormat(format);
        }
        if (config.getMaxOutputTokens() != null) {
            builder.maxTokens(config.getMaxOutputTokens());
        }
        return builder.build();
    }
}
