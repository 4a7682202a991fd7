package dev.camelovershoot.examples.camerartsp;

import org.apache.camel.main.Main;

/** Runs {@link LiveVideoToLogRoute} with camel-main, configured by application.properties. */
public final class CameraRtspExample {

    private CameraRtspExample() {
    }

    /** A camel-main with the example's route; {@link Main#run} or {@link Main#start} it. */
    public static Main main() {
        Main main = new Main();
        main.configure().addRoutesBuilder(new LiveVideoToLogRoute());
        return main;
    }

    public static void main(String[] args) throws Exception {
        main().run(args);
    }
}
