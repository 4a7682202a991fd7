package dev.camelovershoot.testinfra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * CORS as a browser checks it for a web page on another origin that sends {@code credentials: "include"} (the
 * official browser SDK does): preflights answered 204 with the Origin echoed, every answer (errors too) carrying it.
 */
class CorsTest {

    private static final String PAGE = "http://127.0.0.1:5173";

    @RegisterExtension
    static final OvershootEmulatorExtension EMULATOR = new OvershootEmulatorExtension();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void preflightsOfEveryEndpointAre204WithTheOriginEchoed() throws Exception {
        for (String[] call : List.of(new String[] {"POST", "/streams"}, new String[] {"POST", "/streams/x/keepalive"},
                new String[] {"PATCH", "/streams/x/config/prompt"}, new String[] {"DELETE", "/streams/x"},
                new String[] {"GET", "/models"}, new String[] {"POST", "/v1beta/streams"})) {
            HttpResponse<String> reply = preflight(EMULATOR.emulator(), PAGE, call[0], call[1]);

            assertThat(reply.statusCode()).as(call[1]).isEqualTo(204);
            HttpHeaders headers = reply.headers();
            assertThat(headers.firstValue("Access-Control-Allow-Origin")).contains(PAGE);
            assertThat(headers.firstValue("Access-Control-Allow-Credentials")).contains("true");
            assertThat(headers.firstValue("Access-Control-Allow-Methods").orElseThrow())
                    .contains("GET", "POST", "PATCH", "DELETE");
            assertThat(headers.firstValue("Access-Control-Allow-Headers").orElseThrow().toLowerCase())
                    .contains("authorization", "content-type");
            assertThat(headers.allValues("Vary")).contains("Origin");
        }
        assertThat(EMULATOR.emulator().requests()).as("preflights never reach the API").isEmpty();
    }

    @Test
    void answersAndErrorsCarryTheOrigin() throws Exception {
        Api api = new Api(EMULATOR.emulator());
        for (HttpResponse<String> reply : List.of(
                send("GET", "/models", EMULATOR.emulator().apiKey()),
                send("GET", "/models", null),
                send("POST", "/streams/missing/keepalive", EMULATOR.emulator().apiKey()),
                send("GET", "/nowhere", EMULATOR.emulator().apiKey()))) {
            assertThat(reply.headers().firstValue("Access-Control-Allow-Origin")).as(reply.uri() + " "
                    + reply.statusCode()).contains(PAGE);
            assertThat(reply.headers().firstValue("Access-Control-Allow-Credentials")).contains("true");
            assertThat(reply.headers().firstValue("Access-Control-Expose-Headers").orElseThrow())
                    .contains("X-Request-Id");
        }
        assertThat(api.get("/models").headers().firstValue("Access-Control-Allow-Origin")).as("no Origin, no CORS")
                .isEmpty();
    }

    @Test
    void onlyTheConfiguredOriginsWhenGiven() throws Exception {
        try (OvershootEmulator emulator = OvershootEmulator.builder().corsOrigins(PAGE).build().start()) {
            HttpResponse<String> allowed = preflight(emulator, PAGE, "POST", "/streams");
            HttpResponse<String> other = preflight(emulator, "http://evil.example", "POST", "/streams");

            assertThat(allowed.statusCode()).isEqualTo(204);
            assertThat(other.statusCode()).isEqualTo(403);
            assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
            assertThat(Api.parse(other.body()).get("error").asText()).isEqualTo("origin_not_allowed");
        }
    }

    @Test
    void resultSocketsAcceptAnyOrigin() throws Exception {
        try (OvershootEmulator emulator = OvershootEmulator.builder().corsOrigins(PAGE).build().start()) {
            String id = new Api(emulator).createStream(Api.frameStream(1));
            WebSocket socket = http.newWebSocketBuilder().header("Origin", "http://elsewhere.example:8000")
                    .buildAsync(URI.create(emulator.resultsUrl(id)), new WebSocket.Listener() { })
                    .get(5, TimeUnit.SECONDS);
            socket.abort();
            assertThat(emulator.requests()).contains(new RecordedRequest("GET", "/ws/streams/" + id, 101));
        }
    }

    private HttpResponse<String> preflight(OvershootEmulator emulator, String origin, String method, String path)
            throws IOException, InterruptedException {
        String url = path.startsWith("/v1beta") ? "http://127.0.0.1:" + emulator.port() + path
                : emulator.baseUrl() + path;
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", method)
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String method, String path, String key) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(EMULATOR.emulator().baseUrl() + path))
                .timeout(Duration.ofSeconds(5)).method(method, HttpRequest.BodyPublishers.noBody())
                .header("Origin", PAGE);
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
