package dev.camelovershoot.testinfra.v1;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A {@code POST /chat/completions} body as the emulator uses it; unknown fields are accepted and ignored, as the
 * service does. Invalid fields answer 422 with FastAPI's field errors.
 *
 * @param prompt         the text parts of every message, in order, one per line
 * @param media          the image and video parts, in order
 * @param maxTokens      {@code max_completion_tokens}, else {@code max_tokens}, else {@link #DEFAULT_MAX_TOKENS}
 * @param responseFormat {@code text}, {@code json_object} or {@code json_schema}
 * @param schema         the JSON schema of a {@code json_schema} format, or {@code null}
 */
record ChatRequest(String model, String prompt, List<MediaPart> media, int maxTokens, String responseFormat,
                   JsonNode schema, boolean stream, boolean includeUsage, String threadId) {

    static final int DEFAULT_MAX_TOKENS = 4096;
    private static final Set<String> ROLES = Set.of("system", "user", "assistant", "tool", "developer");
    private static final Set<String> FORMATS = Set.of("text", "json_object", "json_schema");

    /** An {@code image_url} ({@code video=false}) or {@code video_url} part and where it sits in the request. */
    record MediaPart(String url, boolean video, List<Object> loc) {
    }

    boolean wantsJson() {
        return !"text".equals(responseFormat);
    }

    static ChatRequest parse(JsonNode body) {
        String model = requiredText(body, "model");
        JsonNode messages = body.get("messages");
        if (messages == null || !messages.isArray() || messages.isEmpty()) {
            throw V1Error.validation(List.of("body", "messages"), messages == null ? "Field required"
                    : "Input should be a non-empty list");
        }
        List<String> texts = new ArrayList<>();
        List<MediaPart> media = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            message(messages.get(i), i, texts, media);
        }
        Integer maxTokens = positiveInt(body, "max_completion_tokens");
        if (maxTokens == null) {
            maxTokens = positiveInt(body, "max_tokens");
        }
        JsonNode format = body.path("response_format");
        String type = format.isObject() ? format.path("type").asText("") : "text";
        if (!FORMATS.contains(type)) {
            throw V1Error.validation(List.of("body", "response_format", "type"),
                    "Input should be 'text', 'json_object' or 'json_schema'");
        }
        JsonNode schema = null;
        if (type.equals("json_schema")) {
            schema = format.path("json_schema").path("schema");
            if (!schema.isObject()) {
                throw V1Error.validation(List.of("body", "response_format", "json_schema", "schema"),
                        "Input should be a valid dictionary");
            }
        }
        boolean stream = flag(body, "stream");
        boolean includeUsage = stream && body.path("stream_options").path("include_usage").asBoolean(false);
        String threadId = body.path("thread_id").isTextual() ? body.get("thread_id").asText() : null;
        return new ChatRequest(model, String.join("\n", texts), List.copyOf(media),
                maxTokens == null ? DEFAULT_MAX_TOKENS : maxTokens, type, schema, stream, includeUsage, threadId);
    }

    private static void message(JsonNode message, int i, List<String> texts, List<MediaPart> media) {
        String role = message.path("role").asText("");
        if (!ROLES.contains(role)) {
            throw V1Error.validation(List.of("body", "messages", i, "role"),
                    "Input should be 'system', 'user', 'assistant', 'tool' or 'developer'");
        }
        JsonNode content = message.path("content");
        if (content.isTextual()) {
            texts.add(content.asText());
            return;
        }
        if (content.isNull() || content.isMissingNode()) {
            return;
        }
        if (!content.isArray()) {
            throw V1Error.validation(List.of("body", "messages", i, "content"),
                    "Input should be a valid string or a list of content parts");
        }
        for (int j = 0; j < content.size(); j++) {
            part(content.get(j), List.of("body", "messages", i, "content", j), texts, media);
        }
    }

    private static void part(JsonNode part, List<Object> loc, List<String> texts, List<MediaPart> media) {
        String type = part.path("type").asText("");
        switch (type) {
            case "text" -> texts.add(part.path("text").asText(""));
            case "image_url", "video_url" -> {
                JsonNode url = part.path(type).path("url");
                List<Object> urlLoc = new ArrayList<>(loc);
                urlLoc.addAll(List.of(type, "url"));
                if (!url.isTextual() || url.asText().isBlank()) {
                    throw V1Error.validation(urlLoc, "Field required");
                }
                media.add(new MediaPart(url.asText(), type.equals("video_url"), List.copyOf(urlLoc)));
            }
            default -> {
                List<Object> typeLoc = new ArrayList<>(loc);
                typeLoc.add("type");
                throw V1Error.validation(typeLoc, "Input should be 'text', 'image_url' or 'video_url'");
            }
        }
    }

    private static String requiredText(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw V1Error.validation(List.of("body", field), value == null ? "Field required"
                    : "Input should be a valid string");
        }
        return value.asText();
    }

    private static Integer positiveInt(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < 1) {
            throw V1Error.validation(List.of("body", field), "Input should be an integer greater than 0");
        }
        return value.asInt();
    }

    private static boolean flag(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw V1Error.validation(List.of("body", field), "Input should be a valid boolean");
        }
        return value.asBoolean();
    }

    /** The {@code overshoot} observability block of a response: the emulator has no prompt cache. */
    ObjectNode overshootBlock() {
        ObjectNode block = V1Json.object();
        block.putObject("cache").put("thread_id", threadId).put("cache_hit", false).put("cached_input_tokens", 0);
        return block;
    }
}
