package dev.camelovershoot.examples.quarkus;

import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The application as shipped against the emulator: a result about the video reaches GET /results/latest. */
@QuarkusTest
@WithTestResource(EmulatorResource.class)
class QuarkusExampleTest {

    @Test
    void theLatestResultNamesTheVideosColour() {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                when().get("/results/latest").then()
                        .statusCode(200)
                        .contentType("application/json")
                        .body("result", containsString("\"color\":\"red\""))
                        .body("totalLatencyMs", notNullValue()));
    }
}
