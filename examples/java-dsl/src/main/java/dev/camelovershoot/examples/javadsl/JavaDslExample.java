package dev.camelovershoot.examples.javadsl;

import java.util.Arrays;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.main.Main;

/**
 * Runs {@link VideoToLogRoute} with camel-main, configured by application.properties; with {@code --endpoint-dsl},
 * the same route written with the Endpoint DSL ({@link VideoToLogEndpointDslRoute}).
 */
public final class JavaDslExample {

    private JavaDslExample() {
    }

    /** A camel-main with the example's route; {@link Main#run} or {@link Main#start} it. */
    public static Main main() {
        return main(new VideoToLogRoute());
    }

    /** The same, with the route written with the Endpoint DSL. */
    public static Main endpointDslMain() {
        return main(new VideoToLogEndpointDslRoute());
    }

    private static Main main(RoutesBuilder route) {
        Main main = new Main();
        main.configure().addRoutesBuilder(route);
        return main;
    }

    public static void main(String[] args) throws Exception {
        boolean endpointDsl = Arrays.asList(args).contains("--endpoint-dsl");
        (endpointDsl ? endpointDslMain() : main()).run(args);
    }
}
