package dev.camelovershoot.examples.cluster;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    private static final Pattern CAMERA = Pattern.compile("([\\w-]+)=(.+)");

    @Override
    public void configure() {
        cameras(getContext().resolvePropertyPlaceholders("{{cameras}}")).forEach((name, url) ->
                // RAW: an RTSP URL's query and password are taken as they are
                from("master:camera-" + name + ":overshoot:" + name + "?source=RAW(" + url + ")"
                     + "&prompt={{prompt}}&intervalSeconds={{interval.seconds}}")
                        .routeId("camera-" + name)
                        .log(LoggingLevel.INFO, "cameras",
                                name + ": ${body} (${header.CamelOvershootTotalLatency} ms)"));
    }

    /**
     * {@code door=rtsp://... gate=rtsp://...} by camera name, in the order given. A name is letters, digits, {@code -}
     * and {@code _} (it names the cluster namespace and the stream); an entry that is not name=url is refused by its
     * position, not echoed, as its URL may hold a password.
     */
    static Map<String, String> cameras(String property) {
        Map<String, String> cameras = new LinkedHashMap<>();
        String[] entries = property.trim().split("\\s+");
        for (int i = 0; i < entries.length; i++) {
            Matcher camera = CAMERA.matcher(entries[i]);
            if (!camera.matches()) {
                throw new IllegalArgumentException("cameras: entry " + (i + 1) + " of " + entries.length
                        + " is not name=url (a name of letters, digits, - and _; for example"
                        + " door=rtsp://192.168.1.20:554/stream1)");
            }
            cameras.put(camera.group(1), camera.group(2));
        }
        return cameras;
    }
}
