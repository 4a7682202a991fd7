package dev.camelovershoot.examples.yamldsl;

import org.apache.camel.main.Main;

/** Runs routes/video.yaml with camel-main; application.properties names the routes and configures the component. */
public final class YamlDslExample {

    private YamlDslExample() {
    }

    public static void main(String[] args) throws Exception {
        new Main().run(args);
    }
}
