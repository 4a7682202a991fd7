package dev.camelovershoot.testinfra.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelovershoot.testinfra.inference.ProcessingSpec;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Validates a {@code POST /streams} body with the ranges and rules of the v0.2 service (reference §2.3 and the
 * official v0.2 OpenAPI: config objects allow no unknown field; clip mode needs {@code clip_length_seconds} and
 * {@code delay_seconds}, frame mode {@code interval_seconds}). The pre-2026-02 shape, a top-level
 * {@code webrtc: {type: "offer", sdp}} without {@code source}, is the legacy WebRTC source.
 */
final class StreamDefinitionParser {

    static final double TOKENS_PER_SECOND = 128;
    static final int MIN_CLIP_FRAMES = 3;
    private static final double EPSILON = 1e-9;
    private static final int DEFAULT_TARGET_FPS = 6;
    private static final int NO_MAXIMUM = Integer.MAX_VALUE;
    private static final String P = "processing.";
    private static final String I = "inference.";
    private static final List<String> CLIP_FIELDS =
            List.of("target_fps", "fps", "sampling_ratio", "clip_length_seconds", "delay_seconds");
    private static final List<String> PROCESSING_FIELDS =
            Stream.concat(CLIP_FIELDS.stream(), Stream.of("interval_seconds")).toList();
    private static final Set<String> INFERENCE_FIELDS =
            Set.of("prompt", "model", "backend", "output_schema_json", "max_output_tokens");
    private static final Set<String> OFFER_FIELDS = Set.of("type", "sdp");
    private static final Map<String, Set<String>> SOURCE_FIELDS = Map.of("native", Set.of("type"),
            "webrtc", OFFER_FIELDS, "livekit", Set.of("type", "url", "token"));

    private final Predicate<String> knownModel;
    private final FieldErrors errors;

    private StreamDefinitionParser(Predicate<String> knownModel, FieldErrors errors) {
        this.knownModel = knownModel;
        this.errors = errors;
    }

    /** @throws ApiException 422 naming every offending field */
    static StreamDefinition parse(JsonNode body, Predicate<String> knownModel) {
        return new StreamDefinitionParser(knownModel, FieldErrors.of(body)).parse(body);
    }

    private StreamDefinition parse(JsonNode body) {
        StreamSource source = source(body);
        ProcessingSpec spec = processing(body);
        JsonNode inference = errors.object(body, "", "inference", true);
        StreamDefinition definition = inference == null ? null : inference(inference, source, spec);
        errors.throwIfAny();
        return definition;
    }

    private StreamSource source(JsonNode body) {
        if (FieldErrors.present(body, "webrtc")) {
            return legacyOffer(body);
        }
        JsonNode source = errors.object(body, "", "source", false);
        if (source == null) {
            return FieldErrors.present(body, "source") ? null : StreamSource.NATIVE;
        }
        String type = errors.oneOf(source, "source.", "type", SOURCE_FIELDS.keySet(), "native");
        if (type != null) {
            errors.onlyKnown(source, "source.", SOURCE_FIELDS.get(type));
        }
        String sdp = null;
        String url = null;
        String token = null;
        if ("webrtc".equals(type)) {
            sdp = errors.text(source, "source.", "sdp", null);
        } else if ("livekit".equals(type)) {
            url = errors.text(source, "source.", "url", null);
            if (url != null && !url.startsWith("ws://") && !url.startsWith("wss://")) {
                errors.add("source.url", "must be a ws:// or wss:// URL");
            }
            token = errors.text(source, "source.", "token", null);
        }
        return type == null ? null : new StreamSource(type, sdp, url, token);
    }

    /** {@code webrtc: {type: "offer", sdp}}: the same source as {@code source: {type: "webrtc", sdp}}. */
    private StreamSource legacyOffer(JsonNode body) {
        if (FieldErrors.present(body, "source")) {
            errors.add("webrtc", "cannot be combined with source (the legacy offer is source {type: webrtc, sdp})");
            return null;
        }
        JsonNode offer = errors.object(body, "", "webrtc", false);
        if (offer == null) {
            return null;
        }
        errors.onlyKnown(offer, "webrtc.", OFFER_FIELDS);
        errors.require(offer, "webrtc.", "type");
        errors.oneOf(offer, "webrtc.", "type", Set.of("offer"), null);
        String sdp = errors.text(offer, "webrtc.", "sdp", null);
        return sdp == null ? null : new StreamSource("webrtc", sdp, null, null);
    }

    private ProcessingSpec processing(JsonNode body) {
        String mode = errors.oneOf(body, "", "mode", Set.of("clip", "frame"), null);
        JsonNode processing = errors.object(body, "", "processing", true);
        if (processing == null) {
            return null;
        }
        errors.onlyKnown(processing, P, PROCESSING_FIELDS);
        if (mode == null) {
            // The documented server rule when mode is absent (or invalid, to still check the rest).
            mode = FieldErrors.present(processing, "interval_seconds") ? "frame" : "clip";
        }
        return "frame".equals(mode) ? frame(processing) : clip(processing);
    }

    private ProcessingSpec frame(JsonNode processing) {
        CLIP_FIELDS.stream().filter(f -> FieldErrors.present(processing, f))
                .forEach(f -> errors.add(P + f, "not allowed in frame mode"));
        errors.require(processing, P, "interval_seconds");
        Double interval = errors.number(processing, P, "interval_seconds", 0.1, 60, null);
        return interval == null ? null : ProcessingSpec.frame(interval);
    }

    private ProcessingSpec clip(JsonNode processing) {
        if (FieldErrors.present(processing, "interval_seconds")) {
            errors.add(P + "interval_seconds", "not allowed in clip mode");
        }
        boolean legacy = FieldErrors.present(processing, "fps") || FieldErrors.present(processing, "sampling_ratio");
        Integer targetFps = legacy ? legacyTargetFps(processing) : errors.integer(processing, P, "target_fps", 1, 30,
                DEFAULT_TARGET_FPS);
        errors.require(processing, P, "clip_length_seconds");
        errors.require(processing, P, "delay_seconds");
        Double clipLength = errors.number(processing, P, "clip_length_seconds", 0.1, 60, null);
        // The OpenAPI gives delay_seconds no maximum (and > 0); 0 is kept here for back-to-back clips.
        Double delay = errors.number(processing, P, "delay_seconds", 0, NO_MAXIMUM, null);
        if (targetFps == null || clipLength == null || delay == null) {
            return null;
        }
        if (targetFps * clipLength < MIN_CLIP_FRAMES - EPSILON) {
            String message = "target_fps × clip_length_seconds must be at least " + MIN_CLIP_FRAMES
                    + " (frames per clip), was " + targetFps * clipLength;
            errors.add(P + (legacy ? "fps" : "target_fps"), message);
            errors.add(P + "clip_length_seconds", message);
        }
        return ProcessingSpec.clip(targetFps, clipLength, delay);
    }

    /** Legacy {@code fps} + {@code sampling_ratio}: the server maps them to {@code int(fps × sampling_ratio)}. */
    private Integer legacyTargetFps(JsonNode processing) {
        if (FieldErrors.present(processing, "target_fps")) {
            errors.add(P + "target_fps", "cannot be combined with fps or sampling_ratio");
        }
        // The OpenAPI's ranges: fps a positive integer (the camera's rate), sampling_ratio 0.1-1.
        Integer fps = errors.integer(processing, P, "fps", 1, NO_MAXIMUM, null);
        Double ratio = errors.number(processing, P, "sampling_ratio", 0.1, 1, null);
        requireBoth(processing, "fps", "sampling_ratio");
        requireBoth(processing, "sampling_ratio", "fps");
        if (fps == null || ratio == null) {
            return null;
        }
        int targetFps = (int) Math.floor(fps * ratio);
        if (targetFps < 1) {
            errors.add(P + "sampling_ratio", "fps × sampling_ratio must be at least 1");
            return null;
        }
        return targetFps;
    }

    private void requireBoth(JsonNode processing, String field, String with) {
        if (!FieldErrors.present(processing, field) && FieldErrors.present(processing, with)) {
            errors.add(P + field, "is required with " + with);
        }
    }

    private StreamDefinition inference(JsonNode inference, StreamSource source, ProcessingSpec spec) {
        errors.onlyKnown(inference, I, INFERENCE_FIELDS);
        String prompt = errors.text(inference, I, "prompt", null);
        String model = errors.text(inference, I, "model", null);
        if (model != null && !knownModel.test(model)) {
            errors.add(I + "model", "unknown model");
        }
        String backend = errors.oneOf(inference, I, "backend", Set.of("overshoot", "gemini"), "overshoot");
        JsonNode schema = errors.object(inference, I, "output_schema_json", false);
        Integer maxTokens = errors.integer(inference, I, "max_output_tokens", 1, Integer.MAX_VALUE, null);
        if (spec == null) {
            return null;
        }
        double period = spec.periodSeconds();
        int allowed = (int) Math.floor(TOKENS_PER_SECOND * period + EPSILON);
        if (maxTokens != null && maxTokens > allowed) {
            errors.add(I + "max_output_tokens", "exceeds " + (int) TOKENS_PER_SECOND
                    + " tokens per second: at most " + allowed + " for an inference every " + period + " s");
        }
        return new StreamDefinition(source, spec, prompt, model, backend, schema,
                maxTokens == null ? allowed : maxTokens);
    }
}
