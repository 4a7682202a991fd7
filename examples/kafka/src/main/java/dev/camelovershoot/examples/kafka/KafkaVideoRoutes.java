package dev.camelovershoot.examples.kafka;

import dev.camelovershoot.component.OvershootConstants;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;

/**
 * JPEG frames (record values as {@code byte[]}) from the frames topic are published to an Overshoot stream; every
 * result of that stream goes to the results topic, keyed by the stream id, with the model's text as the value.
 */
public class KafkaVideoRoutes extends RouteBuilder {

    /** Kafka record headers on each result (Camel's own headers are not sent to Kafka). */
    public static final String PROMPT_HEADER = "overshoot-prompt";
    public static final String MODEL_HEADER = "overshoot-model";

    @Override
    public void configure() {
        from("kafka:{{frames.topic}}?brokers={{kafka.brokers}}"
                + "&valueDeserializer=org.apache.kafka.common.serialization.ByteArrayDeserializer")
                .routeId("frames")
                .to("overshoot:{{stream.name}}?prompt={{overshoot.prompt}}&model={{overshoot.model}}"
                        + "&intervalSeconds=0.5");

        from("overshoot:{{stream.name}}").routeId("results")
                .setHeader(KafkaConstants.KEY, header(OvershootConstants.STREAM_ID))
                .setHeader(PROMPT_HEADER, header(OvershootConstants.PROMPT))
                .setHeader(MODEL_HEADER, header(OvershootConstants.MODEL))
                .to("kafka:{{results.topic}}?brokers={{kafka.brokers}}");
    }
}
