package dev.camelovershoot.testinfra.server;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.util.RawValue;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Malformed REST answers queued by tests: the next successful replies carry the queued text as their body, exactly
 * as given (truncated JSON, wrong types, not JSON at all), with their status unchanged. The call itself took effect.
 */
final class RestFaults {

    private final Deque<String> bodies = new ArrayDeque<>();

    synchronized void malformNext(int count, String body) {
        if (count < 0 || body == null) {
            throw new IllegalArgumentException("count must not be negative and body must not be null");
        }
        for (int i = 0; i < count; i++) {
            bodies.addLast(body);
        }
    }

    /** The routes with their successful replies passed through the queue. */
    List<Route> wrap(List<Route> routes) {
        return routes.stream().map(r -> new Route(r.method(), r.path(), r.authenticated(),
                call -> r.endpoint().handle(call).thenApply(this::apply))).toList();
    }

    private Route.Reply apply(Route.Reply reply) {
        String body;
        synchronized (this) {
            body = bodies.pollFirst();
        }
        // A raw value node is written verbatim: the only way to put text that is not JSON into a JSON reply.
        return body == null ? reply : new Route.Reply(reply.status(), JsonNodeFactory.instance.rawValueNode(
                new RawValue(body)));
    }
}
