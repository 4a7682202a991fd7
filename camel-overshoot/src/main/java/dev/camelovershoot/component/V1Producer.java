package dev.camelovershoot.component;

import dev.camelovershoot.client.v1.OvsReference;
import dev.camelovershoot.client.v1.ResponseFormat;
import dev.camelovershoot.client.v1.V1Client;
import dev.camelovershoot.client.v1.V1Session;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.spi.RouteIdAware;
import org.apache.camel.support.DefaultAsyncProducer;

/**
 * The producer of an endpoint that speaks v1: publishes frames into the v1 stream (through its LiveKit room), asks
 * questions about its frames and windows ({@code ask}), and hands out its viewer token and info; with header
 * CamelOvershootStreamKey, all of it on the key's own stream. Never blocks the route on the network.
 */
final class V1Producer extends DefaultAsyncProducer implements RouteIdAware {

    private V1Client client;
    private ResponseFormat responseFormat;
    private ProducerStreams<V1Stream> streams;
    private String routeId;
    private OvershootProducerHealthCheck healthCheck;

    V1Producer(OvershootEndpoint endpoint) {
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
        OvershootConfiguration config = getEndpoint().getComponent().v1Streams().configuration(getEndpoint());
        client = V1Requests.client(config, getEndpoint().getComponent().httpClient());
        responseFormat = V1Requests.responseFormat(getEndpoint().getConfiguration(), getEndpoint().getCamelContext());
        streams = new ProducerStreams<>(getEndpoint(), getEndpoint().getComponent().v1Streams());
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

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        Message message = exchange.getMessage();
        OvershootOperation operation = OvershootOperation.of(message.getHeader(OvershootConstants.OPERATION),
                getEndpoint().getConfiguration().getOperation());
        return ProducerCalls.run(exchange, callback, getEndpoint().getComponent().asyncExecutor(),
                () -> switch (operation) {
            case publishFrame -> publishFrame(message);
            case ask -> ask(message);
            case viewerToken -> withSession(message, V1Session::viewerTokenAsync).thenAccept(message::setBody);
            case streamInfo -> withSession(message, V1Session::infoAsync).thenAccept(message::setBody);
            case listModels -> client.modelsAsync().thenAccept(message::setBody);
            case closeStream -> streams.close(message);
            case updatePrompt, reinfer -> throw new IllegalArgumentException("The operation " + operation
                    + " is v0.2 only: in v1 there is no running prompt; use ask (a question about the newest frame"
                    + " or a window), or the consumer's prompt option");
        });
    }

    private CompletableFuture<Void> publishFrame(Message message) {
        boolean published = streams.forFrame(message).publish(() -> FrameBodies.read(message));
        message.setHeader(OvershootConstants.FRAME_PUBLISHED, published);
        return CompletableFuture.completedFuture(null);
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
        return streams.forOperation(message).session().thenCompose(call);
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
