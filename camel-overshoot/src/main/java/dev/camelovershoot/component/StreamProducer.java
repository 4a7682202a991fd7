package dev.camelovershoot.component;

import java.util.concurrent.CompletableFuture;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.spi.RouteIdAware;
import org.apache.camel.support.DefaultAsyncProducer;

/**
 * What the v0.2 and v1 producers share: the streams they join (the named one at start unless the operation needs
 * none or the name is keyed only, the keyed ones on the first exchange with a key), their health check, and running
 * an exchange's operation without blocking the route.
 *
 * @param <S> the kind of stream the producer's API version uses
 */
abstract class StreamProducer<S extends NamedStream> extends DefaultAsyncProducer implements RouteIdAware {

    private ProducerStreams<S> streams;
    private String routeId;
    private OvershootProducerHealthCheck healthCheck;

    StreamProducer(OvershootEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public OvershootEndpoint getEndpoint() {
        return (OvershootEndpoint) super.getEndpoint();
    }

    /** The component's streams of the producer's API version. */
    abstract SharedStreams<S> registry();

    /** Makes the client of the operations that need no stream (listModels), before any stream is joined. */
    abstract void prepare();

    /**
     * Runs one operation on the exchange's message.
     *
     * @return completes when the operation is done; the exchange then goes on
     */
    abstract CompletableFuture<Void> call(OvershootOperation operation, Message message);

    /** A producer that only lists models creates no stream; one is joined if a header asks for a stream operation. */
    @Override
    protected void doStart() throws Exception {
        super.doStart();
        prepare();
        streams = new ProducerStreams<>(getEndpoint(), registry());
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
     * Completes at once for publishFrame and for mistakes (an unknown operation included); the other operations
     * complete when the service answers, and the route goes on on the component's Camel-managed
     * {@code OvershootAsync} threads, never on the HTTP client's or a stream session's.
     */
    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        Message message = exchange.getMessage();
        return ProducerCalls.run(exchange, callback, getEndpoint().getComponent().asyncExecutor(),
                () -> call(OvershootOperation.of(message.getHeader(OvershootConstants.OPERATION),
                        getEndpoint().getConfiguration().getOperation()), message));
    }

    /**
     * publishFrame: converts the frame and hands it over at once (the transport sends it on its own threads); header
     * CamelOvershootFramePublished says whether it was taken.
     */
    CompletableFuture<Void> publishFrame(Message message) {
        boolean published = streams.forFrame(message).publish(() -> FrameBodies.read(message));
        message.setHeader(OvershootConstants.FRAME_PUBLISHED, published);
        return CompletableFuture.completedFuture(null);
    }

    /** The streams the producer uses: the named one, and the keyed ones of the exchanges' keys. */
    ProducerStreams<S> streams() {
        return streams;
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
