package dev.camelovershoot.testinfra.inference;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against a stand-in for an OpenAI-compatible server (a local vLLM or Ollama) on loopback. */
class OpenAiBackendTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpServer server;
    private final AtomicReference<JsonNode> received = new AtomicReference<>();
    private final AtomicReference<String> authorization = new AtomicReference<>();
    private volatile int status = 200;

    @BeforeEach
    void startModelServer() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/chat/completions", exchange -> {
            received.set(JSON.readTree(exchange.getRequestBody()));
            authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = """
                    {"choices": [{"message": {"role": "assistant", "content": "{\\"objects\\": [\\"ball\\"]}"},
                                  "finish_reason": "stop"}]}""".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopModelServer() {
        server.stop(0);
    }

    private OpenAiBackend backend(String model, String key) {
        URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1/chat/completions");
        return new OpenAiBackend(url, model, key, Duration.ofSeconds(5));
    }

    @Test
    void sendsPromptFramesAndSchemaAndReturnsTheAnswer() throws Exception {
        JsonNode schema = JSON.readTree("{\"type\": \"object\", \"properties\": {\"objects\": {\"type\": \"array\"}}}");
        InferenceRequest request = new InferenceRequest("clip", "list objects", "Qwen/Qwen3.5-9B", schema, 64,
                Frames.of(640, 480, "red", "blue"));

        InferenceOutput output = backend(null, "local-key").infer(request);

        assertThat(output).isEqualTo(new InferenceOutput("{\"objects\": [\"ball\"]}", true, null, "stop"));
        JsonNode body = received.get();
        assertThat(body.get("model").asText()).isEqualTo("Qwen/Qwen3.5-9B");
        assertThat(body.get("max_tokens").asInt()).isEqualTo(64);
        assertThat(body.at("/response_format/json_schema/schema")).isEqualTo(schema);
        JsonNode content = body.at("/messages/0/content");
        assertThat(content.get(0).get("text").asText()).isEqualTo("list objects");
        assertThat(content).hasSize(3);
        assertThat(centreColour(content.get(1))).isEqualTo("red");
        assertThat(centreColour(content.get(2))).isEqualTo("blue");
        assertThat(authorization.get()).isEqualTo("Bearer local-key");
    }

    @Test
    void configuredModelWinsAndErrorsBecomeFailedResults() throws Exception {
        status = 503;
        InferenceOutput output = backend("llava", null).infer(Frames.request("p", "green"));

        assertThat(received.get().get("model").asText()).isEqualTo("llava");
        assertThat(received.get().has("response_format")).isFalse();
        assertThat(authorization.get()).isNull();
        assertThat(output.ok()).isFalse();
        assertThat(output.error()).contains("HTTP 503");
    }

    private static String centreColour(JsonNode imagePart) throws Exception {
        String url = imagePart.at("/image_url/url").asText();
        assertThat(url).startsWith("data:image/jpeg;base64,");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(
                Base64.getDecoder().decode(url.substring(url.indexOf(',') + 1))));
        int p = image.getRGB(image.getWidth() / 2, image.getHeight() / 2);
        return Palette.nearest(new int[] {(p >> 16) & 0xff, (p >> 8) & 0xff, p & 0xff});
    }
}
