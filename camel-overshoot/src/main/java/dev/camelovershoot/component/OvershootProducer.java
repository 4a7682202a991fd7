package dev.camelovershoot.component;

import dev.camelovershoot.client.OvershootClient;
import dev.camelovershoot.client.StreamSession;
import dev.camelovershoot.client.wire.ReinferResult;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.spi.RouteIdAware;
import org.apache.camel.support.DefaultAsyncProducer;

/**
 * Sends frames to the endpoint's stream, or to the stream of the exchange's key (header CamelOvershootStreamKey), and
 * runs the other operations on it. Never blocks the route on the network:
 * a frame is converted on the caller's thread and handed to the transport, which sends it on its own; the other
 * operations complete the exchange when the service answers.
 */
public class OvershootProducer extends DefaultAsyncProducer implements RouteIdAware {

    private OvershootClient client;
    private ProducerStreams<SharedStream> streams;
    private String routeId;
    private OvershootProducerHealthCheck healthCheck;

    public OvershootProducer(OvershootEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public OvershootEndpoint getEndpoint() {
        return (OvershootEndpoint) super.getEndpoint();
    }

    /** A producer that only lists models creates no stream; one is joined if a header asks for a stream operation. */
    @Override
    protected void doStart() throws Exception {
        super.doStart();
        OvershootComponent component = getEndpoint().getComponent();
        client = StreamRequests.client(component.streams().configuration(getEndpoint()), component.httpClient(),
                component.streamThreads(getEndpoint().getStreamName(), null));
        streams = new ProducerStreams<>(getEndpoint(), component.streams());
        if (getEndpoint().getConfiguration().getOperation().needsStream() && !streams.keyedOnly()) {
            streams.named();
        }
        healthCheck = OvershootProducerHealthCheck.register(getEndpoint(), streams, routeId);
    }

    @Override
    protected void doStop() throws Exception {
        if (healthCheck != null) {
            healthCheck.unregister();
            healthCheck = null;
        }
        if (streams != null) {
            streams.release();
        }
        super.doStop();
    }

    /**
     * Completes at once for publishFrame and for mistakes; the other operations complete when the service answers,
     * and the route goes on on the component's Camel-managed {@code OvershootAsync} threads, never on the HTTP
     * client's or a stream session's.
     */
    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        Message message = exchange.getMessage();
        return ProducerCalls.run(exchange, callback, getEndpoint().getComponent().asyncExecutor(),
                () -> switch (operation(message)) {
                    case publishFrame -> publishFrame(message);
                    case updatePrompt -> updatePrompt(message);
                    case listModels -> client.listModelsAsync().thenAccept(message::setBody);
                    case reinfer -> reinfer(message);
                    case closeStream -> streams.close(message);
                    case ask, viewerToken, streamInfo -> throw new IllegalArgumentException("The operation "
                            + operation(message) + " is v1 only: use an apiUrl ending in /v1beta, or apiVersion=v1");
                });
    }

    private OvershootOperation operation(Message message) {
        return OvershootOperation.of(message.getHeader(OvershootConstants.OPERATION),
                getEndpoint().getConfiguration().getOperation());
    }

    /** Converts and hands the frame over at once: the transport sends it on its own threads. */
    private CompletableFuture<Void> publishFrame(Message message) {
        boolean published = streams.forFrame(message).publish(() -> FrameBodies.read(message));
        message.setHeader(OvershootConstants.FRAME_PUBLISHED, published);
        return CompletableFuture.completedFuture(null);
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
        return streams.forOperation(message).session().thenCompose(call);
    }

    private static String text(Message message, String what) {
        String text = message.getBody(String.class);
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("The body must be " + what + "; it is empty");
        }
        return text;
    }

    @Override
    public String getRouteId() {
        return routeId;
    }

    @Override
    public void setRouteId(String routeId) {
        this.routeId = routeId;
    }

}
