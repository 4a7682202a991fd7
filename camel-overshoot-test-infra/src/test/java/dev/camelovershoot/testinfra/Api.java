package dev.camelovershoot.testinfra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A plain HTTP client for the emulator's REST API, as any Overshoot client would call it. */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String MODEL = "Qwen/Qwen3.5-9B";

    /** An answer: status, parsed JSON body (a missing node when not JSON) and headers. */
    record Reply(int status, JsonNode body, HttpHeaders headers, String rawBody) {

        JsonNode get(String field) {
            return body.get(field);
        }

        String requestId() {
            return headers.firstValue("X-Request-Id").orElse(null);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String apiKey;

    /** A client of the v0.2 API. */
    Api(OvershootEmulator emulator) {
        this(emulator.baseUrl(), emulator.apiKey());
    }

    private Api(String baseUrl, String apiKey) {
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
    }

    /** A client of the v1beta API, under {@code /v1beta}. */
    static Api v1(OvershootEmulator emulator) {
        return new Api(emulator.v1BaseUrl(), emulator.apiKey());
    }

    /** The same client with another key, or none when {@code null}. */
    Api as(String key) {
        return new Api(baseUrl, key);
    }

    /** The same client under another base URL (the {@code /v1} alias). */
    Api at(String otherBaseUrl) {
        return new Api(otherBaseUrl, apiKey);
    }

    Reply get(String path) {
        return send("GET", path, null);
    }

    Reply post(String path, String json) {
        return send("POST", path, json);
    }

    Reply patch(String path, String json) {
        return send("PATCH", path, json);
    }

    Reply delete(String path) {
        return send("DELETE", path, null);
    }

    Reply keepalive(String streamId) {
        return post("/streams/" + streamId + "/keepalive", null);
    }

    Reply create(String json) {
        return post("/streams", json);
    }

    /** Creates a stream and answers its id. */
    String createStream(String json) {
        Reply reply = create(json);
        assertThat(reply.status()).as(reply.rawBody()).isEqualTo(201);
        return reply.get("stream_id").asText();
    }

    Reply send(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), parse(response.body()), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Billing is by elapsed stream time: there is no event to await, only time to let pass. */
    static void letTimePass(Duration duration) {
        await().pollDelay(duration).atMost(duration.plusSeconds(1)).until(() -> true);
    }

    /** Ends every running stream, so that the next test's backend queue is not consumed by them. */
    static void endAll(OvershootEmulator emulator) {
        emulator.streams().stream().filter(s -> !s.ended())
                .forEach(s -> emulator.faults().endStream(s.id(), "client_requested"));
    }

    /** A user-managed LiveKit source naming a room of the emulator's own LiveKit endpoint, in single quotes. */
    static String userRoomSource(OvershootEmulator emulator, String room) {
        return "{'type':'livekit','url':'" + emulator.liveKitUrl() + "','token':'"
                + emulator.liveKitToken("user", room, Duration.ofMinutes(5)) + "'}";
    }

    /** JSON written with single quotes for readability. */
    static String json(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }

    static String frameStream(double intervalSeconds) {
        return json("{'mode':'frame','processing':{'interval_seconds':" + intervalSeconds
                + "},'inference':{'prompt':'Describe','model':'" + MODEL + "'}}");
    }

    static String clipStream(String processing) {
        return json("{'mode':'clip','processing':" + processing + ",'inference':{'prompt':'Describe','model':'"
                + MODEL + "'}}");
    }

    static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            return JSON.missingNode();
        }
    }
}
