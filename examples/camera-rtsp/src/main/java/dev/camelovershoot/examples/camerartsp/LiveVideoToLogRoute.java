package dev.camelovershoot.examples.camerartsp;

import org.apache.camel.builder.RouteBuilder;

/**
 * Live video through Overshoot into the log: the {@code source} option reads a V4L2 camera ({@code camera:0}) or an
 * RTSP stream ({@code rtsp://...}, over TCP) for as long as the route runs, and every inference result becomes an
 * exchange whose body is the model's answer. The source, stream, prompt and interval come from properties
 * (application.properties, or -D on the command line).
 */
public class LiveVideoToLogRoute extends RouteBuilder {

    @Override
    public void configure() {
        // RAW: the source's own query (camera options) and any password in an RTSP URL are taken as they are.
        from("overshoot:{{stream.name}}?source=RAW({{source}})&prompt={{prompt}}"
                + "&intervalSeconds={{interval.seconds}}")
                .routeId("live-video-to-log")
                .log("${body} (${header.CamelOvershootTotalLatency} ms)");
    }
}
