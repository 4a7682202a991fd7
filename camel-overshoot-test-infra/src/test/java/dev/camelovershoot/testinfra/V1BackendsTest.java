package dev.camelovershoot.testinfra;

import static dev.camelovershoot.testinfra.V1Requests.image;
import static dev.camelovershoot.testinfra.V1Requests.request;
import static dev.camelovershoot.testinfra.V1Requests.video;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.camelovershoot.testinfra.frames.FrameColours;
import dev.camelovershoot.testinfra.frames.FrameStore;
import dev.camelovershoot.testinfra.frames.TestImages;
import dev.camelovershoot.testinfra.inference.OpenAiBackend;
import dev.camelovershoot.testinfra.inference.ScriptedBackend;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** v1 chat completions handed to the other backends: scripted answers, and the emulator as a gateway to a model. */
class V1BackendsTest {

    @Test
    void theOpenAiBackendReceivesTheResolvedFramesAsBase64Images() throws Exception {
        AtomicReference<JsonNode> received = new AtomicReference<>();
        HttpServer model = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        model.createContext("/v1/chat/completions", exchange -> {
            received.set(Api.JSON.readTree(exchange.getRequestBody()));
            byte[] body = """
                    {"choices": [{"message": {"role": "assistant", "content": "two colours"}, "finish_reason": "stop"}]}"""
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        model.start();
        URI url = URI.create("http://127.0.0.1:" + model.getAddress().getPort() + "/v1/chat/completions");
        try (OvershootEmulator emulator = OvershootEmulator.builder()
                .backend(new OpenAiBackend(url, null, null, Duration.ofSeconds(5))).build().start()) {
            Api api = Api.v1(emulator);
            String id = api.post("/streams", "{}").get("id").asText();
            for (String colour : List.of("red", "green", "blue")) {
                emulator.v1().injectFrame(id, TestImages.solid(64, 48, colour));
                Api.letTimePass(Duration.ofMillis(5));
            }

            Api.Reply reply = api.post("/chat/completions",
                    request(video(id, "start_frame_index=0&max_fps=1000")).toString());

            assertThat(reply.status()).as(reply.rawBody()).isEqualTo(200);
            assertThat(reply.get("choices").get(0).get("message").get("content").asText()).isEqualTo("two colours");
            JsonNode forwarded = received.get();
            assertThat(forwarded.get("model").asText()).isEqualTo(V1Requests.MODEL);
            List<String> colours = new ArrayList<>();
            for (JsonNode part : forwarded.get("messages").get(0).get("content")) {
                if (part.get("type").asText().equals("text")) {
                    assertThat(part.get("text").asText()).isEqualTo("What is in view?");
                } else {
                    colours.add(colourOf(part.get("image_url").get("url").asText()));
                }
            }
            assertThat(colours).containsExactly("red", "green", "blue");
        } finally {
            model.stop(0);
        }
    }

    @Test
    void scriptedAnswersKeepAJsonResponseFormatAndNoAnswerIsA503() {
        ScriptedBackend scripted = new ScriptedBackend();
        try (OvershootEmulator emulator = OvershootEmulator.builder().backend(scripted).build().start()) {
            Api api = Api.v1(emulator);
            String id = api.post("/streams", "{}").get("id").asText();
            emulator.v1().injectFrame(id, TestImages.solid(64, 48, "red"));

            scripted.enqueue("a red wall");
            ObjectNode json = request(image(id, "frame_index=-1"));
            json.putObject("response_format").put("type", "json_object");
            Api.Reply wrapped = api.post("/chat/completions", json.toString());
            assertThat(Api.parse(wrapped.get("choices").get(0).get("message").get("content").asText())
                    .get("answer").asText()).isEqualTo("a red wall");

            scripted.enqueue("a red wall");
            Api.Reply plain = api.post("/chat/completions", request(image(id, "frame_index=-1")).toString());
            assertThat(plain.get("choices").get(0).get("message").get("content").asText()).isEqualTo("a red wall");

            Api.Reply none = api.post("/chat/completions", request(image(id, "frame_index=-1")).toString());
            assertThat(none.status()).isEqualTo(503);
            assertThat(none.get("detail").asText()).contains("no answer");
        }
    }

    private static String colourOf(String dataUrl) throws IOException {
        assertThat(dataUrl).startsWith("data:image/jpeg;base64,");
        byte[] jpeg = Base64.getDecoder().decode(dataUrl.substring(dataUrl.indexOf(',') + 1));
        return FrameColours.colourOf(new FrameStore(1, 64).add(ImageIO.read(new ByteArrayInputStream(jpeg))));
    }
}
