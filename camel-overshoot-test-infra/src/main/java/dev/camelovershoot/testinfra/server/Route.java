package dev.camelovershoot.testinfra.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * One endpoint: method, path pattern relative to the base path (groups are path parameters), whether it needs a
 * Bearer key, and what it does.
 */
record Route(String method, Pattern path, boolean authenticated, Endpoint endpoint) {

    /** Answers a call with a status and a JSON body, possibly later; fails with {@link ApiException}. */
    @FunctionalInterface
    interface Endpoint {
        CompletableFuture<Reply> handle(Call call);
    }

    /** @param body the JSON body, or {@code null} for none (204) */
    record Reply(int status, JsonNode body) {
    }

    static Route async(String method, String path, Endpoint endpoint) {
        return new Route(method, Pattern.compile(path), true, endpoint);
    }

    static Route of(String method, String path, Function<Call, Reply> endpoint) {
        return async(method, path, call -> CompletableFuture.completedFuture(endpoint.apply(call)));
    }

    Route withoutAuth() {
        return new Route(method, path, false, endpoint);
    }
}
