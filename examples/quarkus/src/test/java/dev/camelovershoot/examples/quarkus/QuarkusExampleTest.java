package dev.camelovershoot.examples.quarkus;

import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The application as shipped, against the emulator the extension's Dev Services start (no test resource): a result
 * about the video reaches GET /results/latest, the consumer's health check is UP in /q/health, and the stream
 * is counted in /q/metrics.
 */
@QuarkusTest
class QuarkusExampleTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void theLatestResultNamesTheVideosColour() {
        Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                when().get("/results/latest").then()
                        .statusCode(200)
                        .contentType("application/json")
                        .body("result", containsString("\"color\":\"red\""))
                        .body("totalLatencyMs", notNullValue()));
    }

    @Test
    void theConsumersHealthCheckIsUpInQuarkusHealth() {
        Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                when().get("/q/health/ready").then()
                        .statusCode(200)
                        .body("checks.find { it.name == 'camel-overshoot' }.status", equalTo("UP"))
                        .body("checks.find { it.name == 'camel-overshoot' }.data", hasKey("consumer:video-results")));
    }

    @Test
    void theStreamIsCountedInQuarkusMetrics() {
        Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                when().get("/q/metrics").then()
                        .statusCode(200)
                        .body(containsString("camel_overshoot_results_total{camelContext="))
                        .body(containsString("camel_overshoot_frames_published_total{"))
                        .body(containsString("camel_overshoot_stream_state{camelContext=\"camel-1\",state=\"connected\","
                                + "streamName=\"video\"} 1.0")));
    }
}
