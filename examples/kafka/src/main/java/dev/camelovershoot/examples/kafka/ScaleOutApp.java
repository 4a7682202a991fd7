package dev.camelovershoot.examples.kafka;

import org.apache.camel.main.Main;

/**
 * One node of the scale-out example: {@link ScaleOutRoutes} run by camel-main, configured by
 * {@code scale-out.properties} (every setting can come from the environment). Start as many as there are nodes,
 * with the same {@code KAFKA_GROUP_ID}.
 */
public final class ScaleOutApp {

    private ScaleOutApp() {
    }

    public static Main newMain() {
        Main main = new Main();
        main.setDefaultPropertyPlaceholderLocation("classpath:scale-out.properties");
        main.configure().addRoutesBuilder(new ScaleOutRoutes());
        return main;
    }

    public static void main(String[] args) throws Exception {
        System.exit(newMain().run(args));
    }
}
