package dev.camelovershoot.component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelovershoot.client.OvershootClient;
import dev.camelovershoot.client.ReconnectPolicy;
import dev.camelovershoot.client.wire.Inference;
import dev.camelovershoot.client.wire.Processing;
import dev.camelovershoot.client.wire.StreamRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.ThreadFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.support.ResourceHelper;

/**
 * Turns an endpoint configuration into what the client needs: the create request, the client and its reconnect
 * policy. Mistakes are reported at start-up, naming the option; value ranges are left to the service, whose
 * validation errors name the field.
 */
final class StreamRequests {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StreamRequests() {
    }

    static StreamRequest request(OvershootConfiguration config, CamelContext context) {
        if (config.getModel() == null || config.getModel().isBlank()) {
            throw new IllegalArgumentException("No model: set the model option (the listModels operation lists them)");
        }
        Inference inference = Inference.of(config.getPrompt(), config.getModel())
                .withBackend(config.getBackend())
                .withMaxOutputTokens(config.getMaxOutputTokens())
                .withOutputSchema(outputSchema(config.getOutputSchema(), context));
        return StreamRequest.of(processing(config), inference);
    }

    /**
     * Checks the options an endpoint gives that are wrong whatever the other endpoints of its stream give: the mode
     * and the output schema. The model, the API key and the legacy option pairs are checked when the stream starts,
     * since any endpoint of the stream may give them.
     *
     * @throws IllegalArgumentException naming the option
     */
    static void checkOwnOptions(OvershootConfiguration config, CamelContext context) {
        checkMode(config.getMode());
        outputSchema(config.getOutputSchema(), context);
        if (config.getStreamIdleTimeout() < 0) {
            throw new IllegalArgumentException("streamIdleTimeout must be 0 (never) or more milliseconds, not "
                    + config.getStreamIdleTimeout());
        }
        if (config.getMaxStreams() < 0) {
            throw new IllegalArgumentException("maxStreams must be 0 (no limit) or more, not " + config.getMaxStreams());
        }
    }

    /** A client of the configured service, on the component's shared HTTP client. */
    static OvershootClient client(OvershootConfiguration config, HttpClient http, ThreadFactory threads) {
        return client(config, http, http, threads);
    }

    /** The same, its results WebSockets on {@code resultsHttp}. */
    static OvershootClient client(OvershootConfiguration config, HttpClient http, HttpClient resultsHttp,
                                  ThreadFactory threads) {
        requireApiKey(config);
        return OvershootClient.builder()
                .baseUrl(config.getApiUrl())
                .apiKey(config.getApiKey())
                .httpClient(http)
                .resultsHttpClient(resultsHttp)
                .requestTimeout(Duration.ofMillis(config.getRequestTimeout()))
                .threadFactory(threads)
                .build();
    }

    static void requireApiKey(OvershootConfiguration config) {
        if (config.getApiKey() == null && System.getenv(OvershootClient.API_KEY_ENV) == null) {
            throw new IllegalArgumentException("No Overshoot API key: set the apiKey option (endpoint or component)"
                    + " or the " + OvershootClient.API_KEY_ENV + " environment variable");
        }
    }

    static ReconnectPolicy reconnectPolicy(OvershootConfiguration config) {
        return new ReconnectPolicy(Duration.ofMillis(config.getReconnectDelay()),
                Duration.ofMillis(config.getReconnectMaxDelay()), config.getReconnectMaxAttempts());
    }

    private static void checkMode(String mode) {
        if (!"frame".equals(mode) && !"clip".equals(mode)) {
            throw new IllegalArgumentException("Unknown mode '" + mode + "': use frame or clip");
        }
    }

    private static Processing processing(OvershootConfiguration config) {
        checkMode(config.getMode());
        if ("frame".equals(config.getMode())) {
            return Processing.frame(config.getIntervalSeconds());
        }
        if (config.getFps() == null && config.getSamplingRatio() == null) {
            return Processing.clip(config.getTargetFps(), config.getClipLengthSeconds(), config.getDelaySeconds());
        }
        if (config.getFps() == null || config.getSamplingRatio() == null) {
            throw new IllegalArgumentException("The legacy options fps and samplingRatio go together;"
                    + " or use targetFps alone");
        }
        return Processing.legacyClip(config.getFps(), config.getSamplingRatio(), config.getClipLengthSeconds(),
                config.getDelaySeconds());
    }

    /** Inline JSON, or a {@code classpath:}/{@code file:} resource; it must be a JSON object. */
    static JsonNode outputSchema(String schema, CamelContext context) {
        if (schema == null || schema.isBlank()) {
            return null;
        }
        String text = schema.strip();
        try {
            if (!text.startsWith("{") && !text.startsWith("[")) {
                try (InputStream in = ResourceHelper.resolveMandatoryResourceAsInputStream(context, text)) {
                    text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
            JsonNode node = JSON.readTree(text);
            if (!node.isObject()) {
                throw new IllegalArgumentException("outputSchema must be a JSON object (a JSON Schema), got: "
                        + abbreviate(text));
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("outputSchema is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("outputSchema " + schema + " could not be read: " + e.getMessage(), e);
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "...";
    }
}
