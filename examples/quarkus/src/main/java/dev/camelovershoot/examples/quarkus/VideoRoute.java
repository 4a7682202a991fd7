package dev.camelovershoot.examples.quarkus;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.camel.builder.RouteBuilder;

/**
 * A video through Overshoot: every inference result is logged and kept as the latest one, which
 * {@code GET /results/latest} returns. The stream, video, prompt and interval come from application.properties.
 * A CDI bean (not only a discovered RouteBuilder) so that the holder is injected.
 */
@ApplicationScoped
public class VideoRoute extends RouteBuilder {

    @Inject
    LatestResult latest;

    @Override
    public void configure() {
        from("overshoot:{{stream.name}}?source={{video}}&loop=true&prompt={{prompt}}"
                + "&intervalSeconds={{interval.seconds}}")
                .routeId("video-results")
                .log("${body} (${header.CamelOvershootTotalLatency} ms)")
                .process(latest::record);
    }
}
