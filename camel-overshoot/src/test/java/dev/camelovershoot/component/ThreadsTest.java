package dev.camelovershoot.component;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camelovershoot.testinfra.OvershootEmulatorExtension;
import dev.camelovershoot.testinfra.inference.ScriptedBackend;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every thread a running stream needs is Camel's, named after the stream; none is an anonymous {@code Thread-N}. */
class ThreadsTest extends EmulatorCamelTest {

    @RegisterExtension
    static final OvershootEmulatorExtension EMULATOR = OvershootEmulatorExtension.create(b -> b
            .backend(new ScriptedBackend()));

    ThreadsTest() {
        super(EMULATOR.emulator());
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("overshoot:porch?intervalSeconds=0.1").routeId("results").to("mock:porch");
            }
        };
    }

    @Test
    void aStreamWithVideoAndResultsRunsOnNamedCamelThreads() throws Exception {
        startCamera("overshoot:porch");
        connectedStream();
        MockEndpoint mock = getMockEndpoint("mock:porch");
        mock.expectedBodiesReceived("someone");
        emulator.scripted().enqueue("someone");
        mock.assertIsSatisfied(WAIT.toMillis());

        Map<Thread, StackTraceElement[]> threads = Thread.getAllStackTraces();
        String camel = "Camel (" + context.getName() + ") thread #";
        assertThat(names(threads, name -> name.contains("Overshoot[porch]"))).hasSize(4)
                .allMatch(name -> name.startsWith(camel))
                .anyMatch(name -> name.endsWith(" - Overshoot[porch] session"))
                .anyMatch(name -> name.endsWith(" - Overshoot[porch] events"))
                .filteredOn(name -> name.endsWith(" - Overshoot[porch] video")).hasSize(2);
        assertThat(names(threads, name -> name.contains("OvershootConsumer[porch]"))).singleElement()
                .matches(name -> name.startsWith(camel));
        // the client's and transports' own names appear only when no Camel factory is given
        assertThat(names(threads, name -> name.startsWith("overshoot-") && !name.startsWith("overshoot-emulator-")
                || name.startsWith("livekit-signal") || name.startsWith("livekit-publisher"))).isEmpty();
        // Thread-N without a Java frame: libwebrtc's native threads, attached by webrtc-java without a name
        assertThat(threads.entrySet().stream().filter(e -> e.getKey().getName().matches("Thread-\\d+|pool-.*"))
                .filter(e -> e.getValue().length > 0).map(e -> e.getKey().getName())).isEmpty();
    }

    private static Set<String> names(Map<Thread, StackTraceElement[]> threads, Predicate<String> filter) {
        return threads.keySet().stream().filter(Thread::isAlive).map(Thread::getName).filter(filter)
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
