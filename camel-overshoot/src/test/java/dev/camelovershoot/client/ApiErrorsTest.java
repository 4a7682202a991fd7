package dev.camelovershoot.client;

import static dev.camelovershoot.client.TestSupport.client;
import static dev.camelovershoot.client.TestSupport.frameRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.camelovershoot.client.wire.Inference;
import dev.camelovershoot.client.wire.Processing;
import dev.camelovershoot.client.wire.StreamRequest;
import dev.camelovershoot.testinfra.OvershootEmulator;
import dev.camelovershoot.testinfra.OvershootEmulatorExtension;
import java.net.ServerSocket;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every error status the emulator sends, mapped to its exception with status, request id and details. */
class ApiErrorsTest {

    private static final String SECRET_KEY = "ovs_errors_test_key_4242";

    @RegisterExtension
    static final OvershootEmulatorExtension EMULATOR = OvershootEmulatorExtension.create(b -> b
            .apiKeys(SECRET_KEY).streamLimitPerKey(1).leaseTtlSeconds(30));

    @RegisterExtension
    static final OvershootEmulatorExtension BROKE = OvershootEmulatorExtension.create(b -> b.creditsCents(0));

    private final OvershootEmulator emulator = EMULATOR.emulator();
    private final OvershootClient client = client(emulator);

    @Test
    void rejectedKeyIsAnAuthenticationError() {
        String wrongKey = "ovs_wrong_key_9999";

        AuthenticationException error = catchThrowableOfType(AuthenticationException.class,
                () -> client(emulator, wrongKey).listModels());

        assertThat(error.status()).isEqualTo(401);
        assertThat(error.requestId()).startsWith("req_");
        assertThat(error.errorCode()).isEqualTo("unauthorized");
        assertThat(error).hasMessageContaining("GET /models").hasMessageContaining("OVERSHOOT_API_KEY")
                .hasMessageNotContaining(wrongKey);
    }

    @Test
    void noCreditsIsAnInsufficientCreditsError() {
        OvershootEmulator broke = BROKE.emulator();

        InsufficientCreditsException error = catchThrowableOfType(InsufficientCreditsException.class,
                () -> client(broke).createStream(frameRequest("p")));

        assertThat(error.status()).isEqualTo(402);
        assertThat(error.requestId()).startsWith("req_");
        assertThat(error).hasMessageContaining("credits");
    }

    @Test
    void invalidFieldsAreAValidationErrorNamingThem() {
        StreamRequest invalid = StreamRequest.of(Processing.frame(0.01), Inference.of("p", "no-such-model"));

        ValidationException error = catchThrowableOfType(ValidationException.class,
                () -> client.createStream(invalid));

        assertThat(error.status()).isEqualTo(422);
        assertThat(error.requestId()).startsWith("req_");
        assertThat(error.details()).isNotNull();
        assertThat(error.fieldErrors()).containsKeys("processing.interval_seconds", "inference.model");
        assertThat(error).hasMessageContaining("processing.interval_seconds");
    }

    @Test
    void unknownStreamIsNotFound() {
        NotFoundException error = catchThrowableOfType(NotFoundException.class,
                () -> client.keepalive("no-such-stream"));

        assertThat(error.status()).isEqualTo(404);
        assertThat(error.requestId()).startsWith("req_");
        assertThat(error).hasMessageContaining("POST /streams/no-such-stream/keepalive")
                .hasMessageContaining("create a new stream");
    }

    @Test
    void tooManyStreamsIsARateLimitWithRetryAfter() {
        String first = client.createStream(frameRequest("p")).streamId();
        try {
            RateLimitException error = catchThrowableOfType(RateLimitException.class,
                    () -> client.createStream(frameRequest("p")));

            assertThat(error.status()).isEqualTo(429);
            assertThat(error.requestId()).startsWith("req_");
            assertThat(error.retryAfter()).isPresent();
        } finally {
            client.deleteStream(first);
        }
    }

    @Test
    void serviceFailureIsAServerError() {
        String id = client.createStream(frameRequest("p")).streamId();
        try {
            emulator.faults().failNextKeepalives(1, 503);

            ServerException error = catchThrowableOfType(ServerException.class, () -> client.keepalive(id));

            assertThat(error.status()).isEqualTo(503);
            assertThat(error.requestId()).isNotBlank();
            assertThat(error).hasMessageContaining("Retry later");
        } finally {
            client.deleteStream(id);
        }
    }

    @Test
    void unreachableServiceIsANetworkError() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        OvershootClient nowhere = OvershootClient.builder().baseUrl("http://127.0.0.1:" + closedPort + "/v0.2")
                .apiKey(SECRET_KEY).build();

        NetworkException error = catchThrowableOfType(NetworkException.class, nowhere::health);

        assertThat(error).hasMessageContaining("GET /healthz").hasMessageNotContaining(SECRET_KEY);
        assertThat(error.getCause()).isNotNull();
    }

    @Test
    void slowAnswerIsANetworkErrorAfterTheRequestTimeout() {
        String id = client.createStream(frameRequest("p")).streamId();
        try {
            emulator.faults().delayNextKeepalives(1, Duration.ofSeconds(2));
            OvershootClient impatient = OvershootClient.builder().baseUrl(emulator.baseUrl()).apiKey(SECRET_KEY)
                    .requestTimeout(Duration.ofMillis(300)).build();

            NetworkException error = catchThrowableOfType(NetworkException.class, () -> impatient.keepalive(id));

            assertThat(error.getCause()).isInstanceOf(HttpTimeoutException.class);
            assertThat(error).hasMessageContaining("300 ms");
        } finally {
            client.deleteStream(id);
        }
    }
}
