package dev.camelovershoot.examples.kafka;

import org.apache.camel.main.Main;

/** Runs {@link KafkaVideoRoutes} with camel-main, configured by {@code application.properties}. */
public final class KafkaVideoApp {

    private KafkaVideoApp() {
    }

    /** A camel-main with the example's routes; {@code application.properties} is read when it starts. */
    public static Main newMain() {
        Main main = new Main();
        main.configure().addRoutesBuilder(new KafkaVideoRoutes());
        return main;
    }

    public static void main(String[] args) throws Exception {
        System.exit(newMain().run(args));
    }
}
