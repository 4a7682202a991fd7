package dev.camelovershoot.testinfra.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/** The v0.2 REST endpoints: request parsing and response bodies around {@link StreamService}. */
final class Endpoints {

    private static final String STREAM = "/streams/([^/]+)";

    private final StreamService service;

    Endpoints(StreamService service) {
        this.service = service;
    }

    List<Route> routes() {
        return List.of(
                Route.of("GET", "/healthz", call -> ok(Responses.ok())).withoutAuth(),
                Route.of("GET", "/models", call -> ok(Responses.models(service.settings().models()))),
                Route.of("POST", "/streams", this::create),
                Route.async("POST", STREAM + "/keepalive", this::keepalive),
                Route.of("PATCH", STREAM + "/config/prompt", this::updatePrompt),
                Route.async("DELETE", STREAM, this::delete),
                Route.of("POST", "/chat/completions/clip", this::reinfer));
    }

    private Route.Reply create(Call call) {
        StreamDefinition definition = StreamDefinitionParser.parse(call.json(),
                model -> service.settings().model(model) != null);
        Stream stream = service.create(call.apiKey(), definition, call.authority());
        String liveKitUrl = call.webSocketUrl(MediaHub.LIVEKIT_PATH);
        return new Route.Reply(201, Responses.created(stream, service.settings().leaseTtlSeconds(), liveKitUrl));
    }

    private CompletableFuture<Route.Reply> keepalive(Call call) {
        String streamId = call.param(0);
        int ttl = service.settings().leaseTtlSeconds();
        return service.keepalive(call.apiKey(), streamId)
                .thenApply(receipt -> ok(Responses.keepalive(streamId, ttl, receipt)));
    }

    private Route.Reply updatePrompt(Call call) {
        JsonNode body = call.json();
        FieldErrors errors = FieldErrors.of(body);
        errors.onlyKnown(body, "", Set.of("prompt"));
        String prompt = errors.text(body, "", "prompt", null);
        errors.throwIfAny();
        Stream stream = service.owned(call.apiKey(), call.param(0));
        return ok(Responses.config(stream, stream.updatePrompt(prompt)));
    }

    /** 200 for a running stream; 204 without a body for one of the key's streams that already ended (OpenAPI). */
    private CompletableFuture<Route.Reply> delete(Call call) {
        if (service.alreadyEnded(call.apiKey(), call.param(0))) {
            return CompletableFuture.completedFuture(new Route.Reply(204, null));
        }
        return service.delete(call.apiKey(), call.param(0)).thenApply(closed -> ok(Responses.ok()));
    }

    private Route.Reply reinfer(Call call) {
        JsonNode body = call.json();
        FieldErrors errors = FieldErrors.of(body);
        String resultId = errors.text(body, "", "result_id", null);
        String prompt = errors.text(body, "", "prompt", null);
        String model = errors.text(body, "", "model", null);
        if (model != null && service.settings().model(model) == null) {
            errors.add("model", "unknown model");
        }
        errors.number(body, "", "temperature", 0, 2, null);
        Integer maxTokens = errors.integer(body, "", "max_tokens", 1, Integer.MAX_VALUE, null);
        JsonNode schema = errors.object(body, "", "output_schema", false);
        errors.throwIfAny();
        StreamService.Reinference done = service.reinfer(call.apiKey(), resultId,
                new StreamService.ClipRequest(prompt, model, schema, maxTokens));
        if (!done.output().ok()) {
            throw new ApiException(502, "inference_failed", done.output().error());
        }
        return ok(Responses.completion(done.request(), done.output()));
    }

    private static Route.Reply ok(JsonNode body) {
        return new Route.Reply(200, body);
    }
}
