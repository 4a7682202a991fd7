package dev.camelovershoot.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The emulator's own REST surface under random requests: methods, paths, keys, content types and bodies, from
 * mutated valid stream requests to noise. A stand-in for the service must answer every one of them as the service
 * would, with a 4xx and an error body: never a 5xx, never a stack trace.
 */
class EmulatorRestFuzzTest {

    private static final int CASES = 2000;
    private static final Pattern STACK_TRACE = Pattern.compile("\\tat |Exception|\\bat (java|org|dev|com)\\.");
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE",
            "FOO");
    private static final List<String> PATHS = List.of("/streams", "/streams/%s", "/streams/%s/keepalive",
            "/streams/%s/config/prompt", "/models", "/healthz", "/chat/completions/clip", "/%s", "/streams/%s/%s",
            "/ws/streams/%s", "/../%s", "/streams/%s/keepalive/%s");
    private static final List<String> VALID_BODIES = List.of(
            "{\"mode\":\"frame\",\"processing\":{\"interval_seconds\":0.5},"
                    + "\"inference\":{\"prompt\":\"Describe\",\"model\":\"" + RouteUnderTest.MODEL + "\"}}",
            "{\"mode\":\"clip\",\"processing\":{\"clip_length_seconds\":1,\"delay_seconds\":1,\"fps\":10,"
                    + "\"sampling_ratio\":0.5},\"inference\":{\"prompt\":\"x\",\"model\":\"" + RouteUnderTest.MODEL
                    + "\",\"output_schema\":{\"type\":\"object\"}},\"source\":{\"type\":\"webrtc\",\"sdp\":\"v=0\"}}",
            "{\"prompt\":\"Describe the door\"}",
            "{\"result_id\":\"r\",\"prompt\":\"p\",\"temperature\":0.5,\"max_tokens\":10}");
    private static final List<String> ODD_VALUES = List.of("null", "true", "-1", "1e309", "\"\"", "[]", "{}",
            "\"\\u0000\"", "99999999999999999999999", "[[[[[[[[[[]]]]]]]]]]", "\"" + "x".repeat(100_000) + "\"",
            "-0.0", "\"NaN\"");

    private final Random random = new Random(13);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void noRequestGetsA5xxOrAStackTrace() throws Exception {
        List<String> bad = new ArrayList<>();
        try (EmulatorJvm emulator = new EmulatorJvm(Rig.API_KEY, 30, Profile.outputDir()).start()) {
            String base = "http://127.0.0.1:" + emulator.apiPort() + "/v0.2";
            for (int i = 0; i < CASES && bad.size() < 20; i++) {
                String method = pick(METHODS);
                String path = String.format(pick(PATHS), token(), token());
                String body = body();
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                        .timeout(Duration.ofSeconds(20))
                        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body));
                String key = pick(List.of(Rig.API_KEY, "", "wrong", "Bearer", Rig.API_KEY + "x"));
                if (random.nextInt(5) > 0) {
                    request.header("Authorization", (random.nextBoolean() ? "Bearer " : "bearer ") + key);
                }
                if (random.nextBoolean()) {
                    request.header("Content-Type", pick(List.of("application/json", "text/plain", "application/xml",
                            "application/json; charset=latin1", "multipart/form-data; boundary=x")));
                }
                String call = method + " " + abbreviate(path) + " " + abbreviate(body);
                try {
                    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() >= 500 || STACK_TRACE.matcher(response.body()).find()) {
                        bad.add(call + " -> " + response.statusCode() + " " + abbreviate(response.body()));
                    }
                } catch (IOException e) {
                    bad.add(call + " -> no answer: " + e);
                }
            }
        }
        assertThat(bad).as("requests answered with a 5xx or a stack trace").isEmpty();
    }

    /** A URL-safe path segment: an id, noise, or something odd but encodable. */
    private String token() {
        return pick(List.of("str_" + random.nextInt(1000), "", "%20", "%00", "..", "a".repeat(random.nextInt(3000)),
                "%E2%82%AC", "-1", "null"));
    }

    private String body() {
        return switch (random.nextInt(6)) {
            case 0 -> null;
            case 1 -> new String(randomBytes(random.nextInt(2048)), StandardCharsets.ISO_8859_1);
            case 2 -> {
                String valid = pick(VALID_BODIES);
                yield valid.substring(0, random.nextInt(valid.length()));
            }
            default -> mutate(pick(VALID_BODIES));
        };
    }

    /** Replaces one value of a valid body (a string, number or object after a colon) with an odd one. */
    private String mutate(String json) {
        List<Integer> colons = new ArrayList<>();
        for (int i = json.indexOf(':'); i >= 0; i = json.indexOf(':', i + 1)) {
            colons.add(i);
        }
        int at = colons.get(random.nextInt(colons.size())) + 1;
        int end = valueEnd(json, at);
        return json.substring(0, at) + pick(ODD_VALUES) + json.substring(end);
    }

    private static int valueEnd(String json, int start) {
        int depth = 0;
        boolean inString = false;
        for (int i = start; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '"' && json.charAt(i - 1) != '\\') {
                inString = !inString;
            } else if (!inString && (c == '{' || c == '[')) {
                depth++;
            } else if (!inString && (c == '}' || c == ']' || c == ',')) {
                if (depth == 0) {
                    return i;
                }
                if (c != ',') {
                    depth--;
                }
            }
        }
        return json.length();
    }

    private byte[] randomBytes(int n) {
        byte[] out = new byte[n];
        random.nextBytes(out);
        return out;
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String abbreviate(String text) {
        return text == null ? "(no body)" : text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}
