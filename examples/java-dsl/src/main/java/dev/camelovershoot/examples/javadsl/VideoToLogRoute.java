package dev.camelovershoot.examples.javadsl;

import org.apache.camel.builder.RouteBuilder;

/**
 * A video file through Overshoot into the log: the {@code source} option plays the file in real time to the
 * service, and every inference result becomes an exchange whose body is the model's answer. The stream, video,
 * prompt and interval come from properties (application.properties, or -D on the command line).
 */
public class VideoToLogRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("overshoot:{{stream.name}}?source={{video}}&loop=false&prompt={{prompt}}"
                + "&intervalSeconds={{interval.seconds}}")
                .routeId("video-to-log")
                .log("${body} (${header.CamelOvershootTotalLatency} ms)");
    }
}
