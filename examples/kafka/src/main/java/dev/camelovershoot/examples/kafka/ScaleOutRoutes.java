package dev.camelovershoot.examples.kafka;

import dev.camelovershoot.component.OvershootConstants;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;

/** SCRATCH until the keyed endpoint lands: one endpoint (two routes) per camera. */
public class ScaleOutRoutes extends RouteBuilder {

    public static final String STREAM_ID_HEADER = "overshoot-stream-id";
    static final String STREAM_KEY = "CamelOvershootStreamKey";

    static final String OPTIONS = "?prompt={{overshoot.prompt}}&model={{overshoot.model}}"
            + "&mode=clip&targetFps={{overshoot.target-fps}}&clipLengthSeconds={{overshoot.clip-length-seconds}}"
            + "&delaySeconds={{overshoot.delay-seconds}}";

    @Override
    public void configure() {
        CameraOwnership ownership = new CameraOwnership(this::closeCamera);
        getContext().getRegistry().bind(KafkaConstants.KAFKA_SUBSCRIBE_ADAPTER, ownership);

        from("kafka:{{frames.topic}}?brokers={{kafka.brokers}}&groupId={{kafka.group-id}}"
                + "&valueDeserializer=org.apache.kafka.common.serialization.ByteArrayDeserializer"
                + "&partitionAssignor=org.apache.kafka.clients.consumer.CooperativeStickyAssignor"
                + "&sessionTimeoutMs={{kafka.session-timeout-ms}}&heartbeatIntervalMs={{kafka.heartbeat-interval-ms}}")
                .routeId("frames")
                .process(exchange -> {
                    String camera = exchange.getMessage().getHeader(KafkaConstants.KEY, String.class);
                    ownership.frameFrom(exchange.getMessage().getHeader(KafkaConstants.TOPIC, String.class),
                            exchange.getMessage().getHeader(KafkaConstants.PARTITION, Integer.class), camera);
                    openCamera(camera);
                    exchange.getMessage().setHeader("cameraRoute", "direct:cam-" + camera);
                })
                .toD("${header.cameraRoute}");

        from("direct:result").routeId("results")
                .setHeader(KafkaConstants.KEY, header(STREAM_KEY))
                .setHeader(STREAM_ID_HEADER, header(OvershootConstants.STREAM_ID))
                .to("kafka:{{results.topic}}?brokers={{kafka.brokers}}");
    }

    private synchronized void openCamera(String camera) throws Exception {
        if (getContext().getRoute("cam-" + camera) != null) {
            return;
        }
        getContext().addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:cam-" + camera).routeId("cam-" + camera).to("overshoot:" + camera + OPTIONS);
                from("overshoot:" + camera).routeId("res-" + camera).setHeader(STREAM_KEY, constant(camera))
                        .to("direct:result");
            }
        });
    }

    private synchronized void closeCamera(String camera) {
        try {
            for (String id : new String[] {"cam-" + camera, "res-" + camera}) {
                getContext().getRouteController().stopRoute(id);
                getContext().removeRoute(id);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
