package dev.camelovershoot.component;

import org.apache.camel.spi.Metadata;

/** Exchange headers of the {@code overshoot:} component. */
public final class OvershootConstants {

    @Metadata(label = "consumer", description = "Id of the Overshoot stream that produced the result.", javaType = "String")
    public static final String STREAM_ID = "CamelOvershootStreamId";

    private OvershootConstants() {
    }
}
