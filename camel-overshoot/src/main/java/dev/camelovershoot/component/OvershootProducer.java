package dev.camelovershoot.component;

import dev.camelovershoot.client.OvershootClient;
import dev.camelovershoot.client.StreamSession;
import dev.camelovershoot.client.wire.ReinferResult;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.apache.camel.Message;

/**
 * Sends frames to the endpoint's stream, or to the stream of the exchange's key (header CamelOvershootStreamKey), and
 * runs the other operations on it. Never blocks the route on the network:
 * a frame is converted on the caller's thread and handed to the transport, which sends it on its own; the other
 * operations complete the exchange when the service answers.
 */
public class OvershootProducer extends StreamProducer<SharedStream> {

    private OvershootClient client;

    public OvershootProducer(OvershootEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    SharedStreams<SharedStream> registry() {
        return getEndpoint().getComponent().streams();
    }

    @Override
    void prepare() {
        OvershootComponent component = getEndpoint().getComponent();
        client = StreamRequests.client(component.streams().configuration(getEndpoint()), component.httpClient(),
                component.streamThreads(getEndpoint().getStreamName(), null));
    }

    @Override
    CompletableFuture<Void> call(OvershootOperation operation, Message message) {
        return switch (operation) {
            case publishFrame -> publishFrame(message);
            case updatePrompt -> updatePrompt(message);
            case listModels -> client.listModelsAsync().thenAccept(message::setBody);
            case reinfer -> reinfer(message);
            case closeStream -> streams().close(message);
            case ask, viewerToken, streamInfo -> throw new IllegalArgumentException("The operation " + operation
                    + " is v1 only: use an apiUrl ending in /v1beta, or apiVersion=v1");
        };
    }

    private CompletableFuture<Void> updatePrompt(Message message) {
        String prompt = text(message, "the new prompt");
        return withSession(message, session -> session.updatePromptAsync(prompt)).thenAccept(config -> {
            message.setHeader(OvershootConstants.PROMPT, config.prompt());
            message.setBody(config);
        });
    }

    private CompletableFuture<Void> reinfer(Message message) {
        String resultId = message.getHeader(OvershootConstants.RESULT_ID, String.class);
        if (resultId == null || resultId.isBlank()) {
            throw new IllegalArgumentException("reinfer needs the header " + OvershootConstants.RESULT_ID
                    + ": the id of an earlier result of the stream");
        }
        String prompt = text(message, "the prompt to run on the result's clip");
        return withSession(message, session -> session.reinferAsync(resultId, prompt)).thenAccept(answer -> fill(message, answer));
    }

    private static void fill(Message message, ReinferResult answer) {
        message.setHeader(OvershootConstants.MODEL, answer.model());
        message.setHeader(OvershootConstants.FINISH_REASON, answer.finishReason());
        message.setBody(answer.content());
    }

    private <T> CompletableFuture<T> withSession(Message message, Function<StreamSession, CompletableFuture<T>> call) {
        return streams().forOperation(message).session().thenCompose(call);
    }

    private static String text(Message message, String what) {
        String text = message.getBody(String.class);
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("The body must be " + what + "; it is empty");
        }
        return text;
    }
}
