package dev.camelovershoot.testinfra.v1;

import dev.camelovershoot.testinfra.server.QueuedFaults;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelovershoot.testinfra.ModelEntry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** The v1beta endpoints: request parsing and response bodies around {@link V1Streams} and {@link ChatCompletions}. */
final class V1Endpoints {

    static final String CHAT = "/chat/completions";
    private static final String STREAM = "/streams/([^/]+)";
    /** Answers are streamed in pieces of about this many characters, like tokens of a model. */
    private static final int CHUNK_CHARS = 8;

    private final V1Streams streams;
    private final ChatCompletions chat;
    private final CameraSources cameras;
    private final RateLimiter rateLimiter;
    private final V1Faults faults;
    private final String liveKitPath;
    /** When the model catalog was "registered": the emulator's start. */
    private final long modelsCreated = System.currentTimeMillis() / 1000;

    V1Endpoints(V1Streams streams, ChatCompletions chat, CameraSources cameras, V1Faults faults,
                String liveKitPath) {
        this.streams = streams;
        this.chat = chat;
        this.cameras = cameras;
        this.faults = faults;
        this.liveKitPath = liveKitPath;
        this.rateLimiter = new RateLimiter(streams.settings().requestsPerSecond());
    }

    List<V1Handler.Route> routes() {
        return List.of(
                V1Handler.Route.of("GET", "/models", call -> V1Reply.json(200, models())).withoutAuth(),
                V1Handler.Route.of("POST", "/streams", this::create),
                V1Handler.Route.of("GET", STREAM, call -> V1Reply.json(200, streams.owned(call.apiKey(),
                        call.param(0), false).status(streams.settings().ttlSeconds()))),
                V1Handler.Route.of("DELETE", STREAM, this::delete),
                V1Handler.Route.of("POST", STREAM + "/keepalive", this::keepalive),
                V1Handler.Route.of("POST", STREAM + "/viewer-token", this::viewerToken),
                V1Handler.Route.of("POST", CHAT, this::chat));
    }

    private ObjectNode models() {
        ObjectNode body = V1Json.object().put("object", "list");
        ArrayNode data = body.putArray("data");
        for (ModelEntry model : streams.settings().models()) {
            data.addObject().put("id", model.model()).put("object", "model").put("created", modelsCreated)
                    .put("owned_by", "overshoot").put("status", model.isReady() ? "ready" : "unavailable");
        }
        return body;
    }

    private V1Reply create(V1Handler.Call call) {
        applyStreamFault(faults.creates().next());
        JsonNode body = call.json();
        JsonNode source = body.path("source");
        V1Stream stream = source.isMissingNode() || source.isNull() ? streams.createPublished(call.apiKey())
                : cameras.open(call.apiKey(), source);
        ObjectNode created = V1Json.object().put("id", stream.id()).put("state", V1Stream.ACTIVE);
        if (stream.sourceType() == null) {
            created.set("publish", publish(call, stream));
        } else {
            created.putObject("source").put("type", stream.sourceType());
            created.putNull("publish");
        }
        created.put("expires_at_ms", stream.expiresAtMs()).put("ttl_seconds", streams.settings().ttlSeconds());
        return V1Reply.json(201, created);
    }

    private V1Reply keepalive(V1Handler.Call call) {
        V1Stream stream = streams.active(call.apiKey(), call.param(0), false);
        applyStreamFault(faults.keepalives().next());
        long expiresAt = streams.renew(stream);
        ObjectNode body = V1Json.object().put("id", stream.id()).put("expires_at_ms", expiresAt)
                .put("ttl_seconds", streams.settings().ttlSeconds()).put("stream_time_ms", stream.streamTimeMs());
        if (stream.sourceType() == null) {
            body.set("publish", publish(call, stream));
        } else {
            body.putNull("publish");
        }
        return V1Reply.json(200, body);
    }

    /** Idempotent: an already ended stream of this key answers the same. */
    private V1Reply delete(V1Handler.Call call) {
        V1Stream stream = streams.owned(call.apiKey(), call.param(0), false);
        streams.end(stream, V1Stream.DELETED);
        return V1Reply.json(200, V1Json.object().put("id", stream.id()).put("deleted", true));
    }

    private V1Reply viewerToken(V1Handler.Call call) {
        V1Stream stream = streams.active(call.apiKey(), call.param(0), false);
        ObjectNode body = V1Json.object();
        body.putObject("view").put("url", liveKitUrl(call)).put("token", streams.viewerToken(stream))
                .put("expires_in_seconds", V1Streams.VIEWER_TOKEN_TTL.toSeconds());
        return V1Reply.json(200, body);
    }

    private V1Reply chat(V1Handler.Call call) {
        Map<String, String> rateHeaders = rateLimiter.acquire(call.apiKey());
        try {
            applyChatFault(faults.chats().next());
            ChatRequest request = ChatRequest.parse(call.json());
            ChatCompletions.Completion done = chat.complete(call.apiKey(), request);
            return request.stream() ? V1Reply.events(chunks(request, done), rateHeaders)
                    : V1Reply.json(200, completion(request, done), rateHeaders);
        } catch (V1Error e) {
            throw e.headers().containsKey("x-ratelimit-limit") ? e : e.withHeaders(rateHeaders);
        }
    }

    /** A queued fault of a stream endpoint: the simple envelope ({@code retry-after: 1} on a 429), or a delay. */
    private static void applyStreamFault(QueuedFaults.Fault fault) {
        if (fault == null) {
            return;
        }
        if (fault.fails()) {
            throw V1Error.simple(fault.status(), "Injected failure " + fault.status(),
                    fault.status() == 429 ? Map.of("retry-after", "1") : Map.of());
        }
        pause(fault.delay());
    }

    private void applyChatFault(QueuedFaults.Fault fault) {
        if (fault == null) {
            return;
        }
        if (fault.status() == 429) {
            throw rateLimiter.tooMany("Rate limit exceeded (injected)");
        }
        if (fault.status() == 401 || fault.status() == 503) {
            throw V1Error.simple(fault.status(), fault.status() == 401 ? "Invalid or missing API key"
                    : "Service temporarily unavailable (injected)");
        }
        if (fault.fails()) {
            throw V1Error.chat(fault.status(), fault.status() >= 500 ? "internal_error" : "validation_error",
                    "injected_" + fault.status(), "Injected failure " + fault.status());
        }
        pause(fault.delay());
    }

    private static ObjectNode completion(ChatRequest request, ChatCompletions.Completion done) {
        ObjectNode body = frame(done, "chat.completion");
        ObjectNode choice = body.putArray("choices").addObject().put("index", 0);
        choice.putObject("message").put("role", "assistant").put("content", done.content());
        choice.put("finish_reason", done.finishReason());
        body.set("usage", done.usage());
        body.set("overshoot", request.overshootBlock());
        return body;
    }

    /** OpenAI's chunk sequence: the role, the content in pieces, the finish reason, then usage if asked for. */
    private static List<JsonNode> chunks(ChatRequest request, ChatCompletions.Completion done) {
        List<JsonNode> chunks = new ArrayList<>();
        chunks.add(chunk(done, delta -> delta.put("role", "assistant").put("content", ""), null));
        String content = done.content();
        for (int i = 0; i < content.length(); i += CHUNK_CHARS) {
            String piece = content.substring(i, Math.min(content.length(), i + CHUNK_CHARS));
            chunks.add(chunk(done, delta -> delta.put("content", piece), null));
        }
        chunks.add(chunk(done, delta -> { }, done.finishReason()));
        if (request.includeUsage()) {
            ObjectNode last = frame(done, "chat.completion.chunk");
            last.putArray("choices");
            last.set("usage", done.usage());
            last.set("overshoot", request.overshootBlock());
            chunks.add(last);
        }
        return chunks;
    }

    private static ObjectNode chunk(ChatCompletions.Completion done, Consumer<ObjectNode> delta,
                                    String finishReason) {
        ObjectNode chunk = frame(done, "chat.completion.chunk");
        ObjectNode choice = chunk.putArray("choices").addObject().put("index", 0);
        delta.accept(choice.putObject("delta"));
        choice.put("finish_reason", finishReason);
        chunk.putNull("usage");
        return chunk;
    }

    private static ObjectNode frame(ChatCompletions.Completion done, String object) {
        return V1Json.object().put("id", done.id()).put("object", object).put("created", done.created())
                .put("model", done.model());
    }

    private ObjectNode publish(V1Handler.Call call, V1Stream stream) {
        return V1Json.object().put("type", "livekit").put("url", liveKitUrl(call))
                .put("token", streams.publishToken(stream));
    }

    private String liveKitUrl(V1Handler.Call call) {
        return call.webSocketUrl(liveKitPath);
    }

    /** The service being slow, as a test asked: the answer comes after {@code delay}. */
    private static void pause(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw V1Error.simple(503, "Interrupted");
        }
    }
}
