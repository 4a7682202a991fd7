package dev.camelovershoot.examples.kafka;

import dev.camelovershoot.component.OvershootConstants;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;

/**
 * One node of a consumer group: JPEG frames keyed by camera from the partitions Kafka assigns this node go to that
 * camera's own Overshoot stream (one {@code overshoot:cameras} endpoint, a stream per key); every result goes to the
 * results topic keyed by its camera. {@link CameraOwnership} closes a camera's stream as soon as its partition is
 * revoked or lost; a camera newly assigned gets its stream on its first frame.
 *
 * <p>A node stopped with SIGTERM (camel-main's graceful shutdown) leaves the group too: Camel stops routes in the
 * reverse order of their start, and the frames route's Kafka consumer revokes its partitions as it stops, running
 * the rebalance listener. The close-camera route therefore starts first and stops last, so that it still runs then;
 * and the listener does not wait for a stopped route (direct's default would block it, and the shutdown, 30 s a
 * camera).
 */
public class ScaleOutRoutes extends RouteBuilder {

    /** Kafka record header on each result: the Overshoot stream it came from. */
    public static final String STREAM_ID_HEADER = "overshoot-stream-id";

    /** The frames endpoint: one stream per camera, with the same options for all. */
    static final String CAMERAS = "overshoot:cameras?keyed=true&prompt={{overshoot.prompt}}&model={{overshoot.model}}"
            + "&mode=clip&targetFps={{overshoot.target-fps}}&clipLengthSeconds={{overshoot.clip-length-seconds}}"
            + "&delaySeconds={{overshoot.delay-seconds}}&streamIdleTimeout={{overshoot.stream-idle-timeout}}";

    @Override
    public void configure() {
        ProducerTemplate closer = getContext().createProducerTemplate();
        CameraOwnership ownership = new CameraOwnership(camera -> closer.sendBodyAndHeader(
                "direct:close-camera?block=false", null, OvershootConstants.STREAM_KEY, camera));
        getContext().getRegistry().bind(KafkaConstants.KAFKA_SUBSCRIBE_ADAPTER, ownership);

        from("kafka:{{frames.topic}}?brokers={{kafka.brokers}}&groupId={{kafka.group-id}}"
                + "&valueDeserializer=org.apache.kafka.common.serialization.ByteArrayDeserializer"
                + "&partitionAssignor=org.apache.kafka.clients.consumer.CooperativeStickyAssignor"
                + "&sessionTimeoutMs={{kafka.session-timeout-ms}}&heartbeatIntervalMs={{kafka.heartbeat-interval-ms}}")
                .routeId("frames").startupOrder(2)
                .process(exchange -> ownership.frameFrom(exchange.getMessage().getHeader(KafkaConstants.TOPIC,
                        String.class), exchange.getMessage().getHeader(KafkaConstants.PARTITION, Integer.class),
                        exchange.getMessage().getHeader(KafkaConstants.KEY, String.class)))
                .setHeader(OvershootConstants.STREAM_KEY, header(KafkaConstants.KEY))
                .to(CAMERAS);

        from("direct:close-camera").routeId("close-camera").startupOrder(1)
                .setHeader(OvershootConstants.OPERATION, constant("closeStream"))
                .to(CAMERAS);

        from("overshoot:cameras?keyed=true").routeId("results")
                .setHeader(KafkaConstants.KEY, header(OvershootConstants.STREAM_KEY))
                .setHeader(STREAM_ID_HEADER, header(OvershootConstants.STREAM_ID))
                .to("kafka:{{results.topic}}?brokers={{kafka.brokers}}");
    }
}
