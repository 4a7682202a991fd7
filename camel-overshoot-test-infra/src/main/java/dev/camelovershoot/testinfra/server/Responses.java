package dev.camelovershoot.testinfra.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelovershoot.testinfra.ModelEntry;
import dev.camelovershoot.testinfra.inference.CompletedInference;
import dev.camelovershoot.testinfra.inference.InferenceOutput;
import dev.camelovershoot.testinfra.inference.InferenceRequest;
import java.util.List;

/**
 * Every body the emulator sends, with exactly the keys of the v0.2 wire format: the Python SDK builds its
 * {@code Lease}, {@code LiveKitConnection}, {@code WebRTCAnswer} and {@code TurnServer} from the nested objects
 * with {@code **kwargs}, so an extra key there would crash it.
 */
final class Responses {

    /** Visual tokens counted per frame in {@code usage.prompt_tokens}: an estimate, like the text tokens. */
    private static final int TOKENS_PER_FRAME = 85;

    private Responses() {
    }

    static ObjectNode created(Stream stream, int ttlSeconds, String liveKitUrl) {
        ObjectNode body = Json.object().put("stream_id", stream.id());
        body.putObject("lease").put("ttl_seconds", ttlSeconds);
        String type = stream.definition().sourceType();
        if ("native".equals(type)) {
            body.putObject("livekit").put("url", liveKitUrl).put("token", stream.liveKitToken());
        } else {
            body.putNull("livekit");
        }
        if ("webrtc".equals(type)) {
            body.putObject("webrtc").put("type", "answer").put("sdp", stream.answerSdp());
            // Peers on one machine need no relay; the real service hands out TURN credentials here.
            body.putArray("turn_servers");
        } else {
            body.putNull("webrtc");
            body.putNull("turn_servers");
        }
        return body;
    }

    static ObjectNode keepalive(String streamId, int ttlSeconds, Stream.KeepaliveReceipt receipt) {
        return Json.object()
                .put("status", "ok")
                .put("stream_id", streamId)
                .put("ttl_seconds", ttlSeconds)
                // The v0.2 docs type the balance as an integer number of cents.
                .put("credits_remaining_cents", (long) Math.floor(receipt.creditsRemainingCents()))
                .put("cost_cents", round(receipt.costCents(), 6))
                .put("seconds_charged", receipt.secondsCharged())
                .put("state", receipt.state())
                .put("livekit_token", receipt.liveKitToken());
    }

    static ObjectNode config(Stream stream, Stream.Config config) {
        StreamDefinition definition = stream.definition();
        ObjectNode body = Json.object()
                .put("id", config.id())
                .put("stream_id", stream.id())
                .put("prompt", config.prompt())
                .put("backend", definition.backend())
                .put("model", definition.model());
        body.set("output_schema_json", definition.outputSchema());
        return body.put("created_at", config.createdAt().toString()).put("updated_at", config.updatedAt().toString());
    }

    static ObjectNode ok() {
        return Json.object().put("status", "ok");
    }

    static ArrayNode models(List<ModelEntry> models) {
        ArrayNode body = Json.MAPPER.createArrayNode();
        models.forEach(m -> body.addObject().put("model", m.model()).put("ready", m.isReady()).put("status",
                m.status()));
        return body;
    }

    static ObjectNode result(String resultId, String streamId, String modelBackend, CompletedInference done) {
        InferenceRequest request = done.request();
        InferenceOutput output = done.output();
        return Json.object()
                .put("id", resultId)
                .put("stream_id", streamId)
                .put("mode", request.mode())
                .put("model_name", request.model())
                .put("prompt", request.prompt())
                .put("result", output.text())
                .put("inference_latency_ms", round(done.inferenceLatencyMs(), 3))
                .put("total_latency_ms", round(done.totalLatencyMs(), 3))
                .put("ok", output.ok())
                .put("error", output.error())
                .put("finish_reason", output.finishReason())
                .put("model_backend", modelBackend);
    }

    static ObjectNode completion(InferenceRequest request, InferenceOutput output) {
        int promptTokens = InferenceOutput.estimateTokens(request.prompt())
                + TOKENS_PER_FRAME * request.frames().size();
        int completionTokens = InferenceOutput.estimateTokens(output.text());
        ObjectNode body = Json.object()
                .put("id", Ids.completion())
                .put("model", request.model())
                .put("content", output.text())
                .put("finish_reason", output.finishReason());
        body.putObject("usage")
                .put("prompt_tokens", promptTokens)
                .put("completion_tokens", completionTokens)
                .put("total_tokens", promptTokens + completionTokens);
        return body;
    }

    static ObjectNode error(ApiException e, String requestId) {
        ObjectNode body = Json.object().put("error", e.error()).put("request_id", requestId);
        JsonNode details = e.details();
        return body.set("details", details);
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
