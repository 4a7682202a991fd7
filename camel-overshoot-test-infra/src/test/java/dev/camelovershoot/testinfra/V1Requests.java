package dev.camelovershoot.testinfra;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;

/** v1beta chat-completion requests as an OpenAI client writes them, about ovs:// frames and windows. */
final class V1Requests {

    static final String MODEL = "Qwen/Qwen3.6-35B-A3B-FP8";

    private V1Requests() {
    }

    static ObjectNode image(String streamId, String query) {
        return part("image_url", "ovs://streams/" + streamId + "?" + query);
    }

    static ObjectNode video(String streamId, String query) {
        return part("video_url", "ovs://streams/" + streamId + "?" + query);
    }

    static ObjectNode part(String type, String url) {
        ObjectNode part = Api.JSON.createObjectNode().put("type", type);
        part.putObject(type).put("url", url);
        return part;
    }

    static ObjectNode text(String text) {
        return Api.JSON.createObjectNode().put("type", "text").put("text", text);
    }

    /** A user message asking "What is in view?" about {@code media}. */
    static ObjectNode request(ObjectNode media) {
        ObjectNode body = Api.JSON.createObjectNode().put("model", MODEL);
        ArrayNode content = body.putArray("messages").addObject().put("role", "user").putArray("content");
        content.add(text("What is in view?"));
        content.add(media);
        return body;
    }

    /** Waits until the describe backend names {@code colour} for the stream's newest frame. */
    static void awaitNewest(Api api, String streamId, String colour, Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(100)).until(() -> {
            Api.Reply reply = api.post("/chat/completions", request(image(streamId, "frame_index=-1")).toString());
            return reply.status() == 200 && Api.parse(reply.get("choices").get(0).get("message").get("content")
                    .asText()).get("color").asText().equals(colour);
        });
    }
}
