package dev.camelovershoot.examples.cluster;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

/**
 * One route per camera, each pulled by exactly one node of the cluster: {@code master:camera-<name>:overshoot:<name>}
 * starts the {@code overshoot:} consumer, which reads the camera ({@code source}) and streams it to Overshoot, only
 * on the node that leads the namespace {@code camera-<name>}, and stops it there when the node loses the lead. Every
 * node runs the same routes; the cluster service configured in application.properties decides which node leads.
 * The cameras come from the property {@code cameras}: {@code name=url} pairs separated by spaces.
 */
public class ClusteredCamerasRoutes extends RouteBuilder {

    @Override
    public void configure() {
        cameras(getContext().resolvePropertyPlaceholders("{{cameras}}")).forEach((name, url) ->
                // RAW: an RTSP URL's query and password are taken as they are
                from("master:camera-" + name + ":overshoot:" + name + "?source=RAW(" + url + ")"
                     + "&prompt={{prompt}}&intervalSeconds={{interval.seconds}}")
                        .routeId("camera-" + name)
                        .log(LoggingLevel.INFO, "cameras", name + ": ${body} (${header.CamelOvershootTotalLatency} ms)"));
    }

    /** {@code door=rtsp://... gate=rtsp://...} by camera name, in the order given. */
    static Map<String, String> cameras(String property) {
        Map<String, String> cameras = new LinkedHashMap<>();
        for (String camera : property.trim().split("\\s+")) {
            int equals = camera.indexOf('=');
            if (equals < 1 || equals == camera.length() - 1) {
                throw new IllegalArgumentException("cameras: '" + camera + "' is not name=url (for example"
                        + " door=rtsp://192.168.1.20:554/stream1)");
            }
            cameras.put(camera.substring(0, equals), camera.substring(equals + 1));
        }
        return cameras;
    }
}
