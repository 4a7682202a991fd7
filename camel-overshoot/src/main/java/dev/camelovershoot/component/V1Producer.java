package dev.camelovershoot.component;

import dev.camelovershoot.client.v1.OvsReference;
import dev.camelovershoot.client.v1.ResponseFormat;
import dev.camelovershoot.client.v1.V1Client;
import dev.camelovershoot.client.v1.V1Session;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.apache.camel.Message;

/**
 * The producer of an endpoint that speaks v1: publishes frames into the v1 stream (through its LiveKit room), asks
 * questions about its frames and windows ({@code ask}), and hands out its viewer token and info; with header
 * CamelOvershootStreamKey, all of it on the key's own stream. Never blocks the route on the network.
 */
final class V1Producer extends StreamProducer<V1Stream> {

    private V1Client client;
    private ResponseFormat responseFormat;

    V1Producer(OvershootEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    SharedStreams<V1Stream> registry() {
        return getEndpoint().getComponent().v1Streams();
    }

    @Override
    void prepare() {
        OvershootConfiguration config = registry().configuration(getEndpoint());
        client = V1Requests.client(config, getEndpoint().getComponent().httpClient());
        responseFormat = V1Requests.responseFormat(getEndpoint().getConfiguration(), getEndpoint().getCamelContext());
    }

    @Override
    CompletableFuture<Void> call(OvershootOperation operation, Message message) {
        return switch (operation) {
            case publishFrame -> publishFrame(message);
            case ask -> ask(message);
            case viewerToken -> withSession(message, V1Session::viewerTokenAsync).thenAccept(message::setBody);
            case streamInfo -> withSession(message, V1Session::infoAsync).thenAccept(message::setBody);
            case listModels -> client.modelsAsync().thenAccept(message::setBody);
            case closeStream -> streams().close(message);
            case updatePrompt, reinfer -> throw new IllegalArgumentException("The operation " + operation
                    + " is v0.2 only: in v1 there is no running prompt; use ask (a question about the newest frame"
                    + " or a window), or the consumer's prompt option");
        };
    }

    /** The question from the body or header CamelOvershootQuestion, about the frame or window the headers and options name. */
    private CompletableFuture<Void> ask(Message message) {
        String question = question(message);
        OvershootConfiguration config = getEndpoint().getConfiguration();
        String explicit = message.getHeader(OvershootConstants.REFERENCE, config.getReference(), String.class);
        double window = message.getHeader(OvershootConstants.WINDOW_SECONDS, config.getWindowSeconds(), Double.class);
        return withSession(message, session -> {
            OvsReference about = V1Requests.reference(session.streamId(), explicit, window, config.getWindowMaxFps());
            return client.chatAsync(V1Requests.chat(config, question, about, responseFormat))
                    .thenAccept(answer -> V1Answers.fill(message, answer, about, question));
        });
    }

    private static String question(Message message) {
        String body = message.getBody(String.class);
        if (body != null && !body.isBlank()) {
            return body;
        }
        String header = message.getHeader(OvershootConstants.QUESTION, String.class);
        if (header != null && !header.isBlank()) {
            return header;
        }
        throw new IllegalArgumentException("ask needs a question: the body, or header " + OvershootConstants.QUESTION);
    }

    private <T> CompletableFuture<T> withSession(Message message, Function<V1Session, CompletableFuture<T>> call) {
        return streams().forOperation(message).session().thenCompose(call);
    }
}
