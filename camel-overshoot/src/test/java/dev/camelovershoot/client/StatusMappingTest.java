package dev.camelovershoot.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Statuses the emulator has no reason to send (400 from a well-formed client, 418, 502 with an HTML page, 429 with
 * an HTTP-date): the mapping is a pure function, checked directly. Emulator statuses are in {@link ApiErrorsTest}.
 */
class StatusMappingTest {

    private static final UnaryOperator<String> NO_SECRETS = UnaryOperator.identity();

    @Test
    void badRequestIsAValidationErrorKeepingItsStatus() {
        ApiException error = map(400, "{\"error\":\"invalid_json\",\"message\":\"Body is not JSON\",\"request_id\":\"r1\"}",
                Map.of());

        assertThat(error).isInstanceOf(ValidationException.class);
        assertThat(error.status()).isEqualTo(400);
        assertThat(error.requestId()).isEqualTo("r1");
        assertThat(error.errorCode()).isEqualTo("invalid_json");
        assertThat(error).hasMessageContaining("Body is not JSON").hasMessageContaining("POST /streams");
    }

    @Test
    void anHtmlGatewayPageIsAServerErrorWithTheHeaderRequestId() {
        ApiException error = map(502, "<html>Bad Gateway</html>", Map.of("X-Request-Id", List.of("edge-7")));

        assertThat(error).isInstanceOf(ServerException.class);
        assertThat(error.status()).isEqualTo(502);
        assertThat(error.requestId()).isEqualTo("edge-7");
        assertThat(error.errorCode()).isEqualTo("unknown");
        assertThat(error).hasMessageContaining("Bad Gateway").hasMessageContaining("Retry later");
    }

    @Test
    void otherStatusesAreGenericApiErrors() {
        ApiException error = map(418, "", Map.of());

        assertThat(error.getClass()).isEqualTo(ApiException.class);
        assertThat(error.status()).isEqualTo(418);
    }

    @Test
    void retryAfterAsAnHttpDate() {
        String inTenSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now().plusSeconds(10));
        RateLimitException error = (RateLimitException) map(429, "{}", Map.of("Retry-After", List.of(inTenSeconds)));

        assertThat(error.retryAfter()).hasValueSatisfying(wait ->
                assertThat(wait).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(10)));
        assertThat(((RateLimitException) map(429, "{}", Map.of())).retryAfter()).isEmpty();
    }

    @Test
    void echoedSecretsAreRedacted() {
        ApiException error = ApiErrors.toException(401, "GET /models",
                "{\"message\":\"key ovs_abc is revoked\"}", HttpHeaders.of(Map.of(), (a, b) -> true),
                text -> text.replace("ovs_abc", "***"));

        assertThat(error).hasMessageNotContaining("ovs_abc").hasMessageContaining("***");
    }

    private static ApiException map(int status, String body, Map<String, List<String>> headers) {
        return ApiErrors.toException(status, "POST /streams", body, HttpHeaders.of(headers, (a, b) -> true),
                NO_SECRETS);
    }
}
