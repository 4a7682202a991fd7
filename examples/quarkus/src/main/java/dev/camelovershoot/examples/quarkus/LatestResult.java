package dev.camelovershoot.examples.quarkus;

import dev.camelovershoot.component.OvershootConstants;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/** The most recent inference result of the route, for clients that poll instead of consuming it. */
@ApplicationScoped
public class LatestResult {

    /** The model's answer, its end-to-end latency in milliseconds and when it reached the route. */
    public record Result(String result, Double totalLatencyMs, Instant receivedAt) {
    }

    private final AtomicReference<Result> latest = new AtomicReference<>();

    /** Keeps a result exchange of the overshoot: route. */
    void record(Exchange exchange) {
        Message in = exchange.getMessage();
        latest.set(new Result(in.getBody(String.class),
                in.getHeader(OvershootConstants.TOTAL_LATENCY, Double.class), Instant.now()));
    }

    Optional<Result> get() {
        return Optional.ofNullable(latest.get());
    }
}
