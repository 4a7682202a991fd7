package dev.camelovershoot.examples.javadsl;

import org.apache.camel.main.Main;

/** Runs {@link VideoToLogRoute} with camel-main, configured by application.properties. */
public final class JavaDslExample {

    private JavaDslExample() {
    }

    /** A camel-main with the example's route; {@link Main#run} or {@link Main#start} it. */
    public static Main main() {
        Main main = new Main();
        main.configure().addRoutesBuilder(new VideoToLogRoute());
        return main;
    }

    public static void main(String[] args) throws Exception {
        main().run(args);
    }
}
