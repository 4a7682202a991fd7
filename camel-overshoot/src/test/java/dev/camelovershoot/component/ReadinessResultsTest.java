package dev.camelovershoot.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.camelovershoot.testinfra.OvershootEmulatorExtension;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Routes started with the context, as most applications start them: Camel's standard {@code invokeReadiness} runs
 * the consumers' and producers' checks. At Camel's default exposure level it reports only the DOWN checks, or the
 * first check while all are UP; in full every check, a consumer's under Camel's id {@code consumer:<routeId>}.
 */
class ReadinessResultsTest extends EmulatorCamelTest {

    @RegisterExtension
    static final OvershootEmulatorExtension EMULATOR = OvershootEmulatorExtension.create(b -> { });

    ReadinessResultsTest() {
        super(EMULATOR.emulator());
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        // camel.health.producersEnabled=true in camel-main
        HealthCheckHelper.getHealthCheckRepository(context, "producers", HealthCheckRepository.class).setEnabled(true);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("timer:tick?period=60000").routeId("tick").to("log:tick?level=OFF");
                from("overshoot:door").routeId("door").to("mock:door");
                from("direct:frames").routeId("publisher").to("overshoot:door");
                from("overshoot:gone?apiUrl=http://127.0.0.1:9/v0.2").routeId("gone").to("mock:gone");
            }
        };
    }

    @Test
    void theStandardReadinessResultsHaveEveryOvershootCheck() {
        await().atMost(WAIT).until(() -> "CONNECTED".equals(full().get("consumer:door").getDetails()
                .get("stream.state")) && full().get("consumer:gone").getMessage().orElse("").startsWith("not connected"));

        Map<String, HealthCheck.Result> full = full();
        assertThat(full.get("consumer:door").getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(full.get("consumer:door").getDetails()).containsEntry("stream.name", "door")
                .containsEntry("route.id", "door");
        assertThat(full.get("producer:overshoot-publisher").getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(full.get("producer:overshoot-publisher").getDetails()).containsEntry("stream.name", "door");
        assertThat(full.get("consumer:gone").getState()).isEqualTo(HealthCheck.State.DOWN);

        // At the default exposure level: only the DOWN one, with the component's reason.
        Collection<HealthCheck.Result> byDefault = HealthCheckHelper.invokeReadiness(context);
        assertThat(byDefault).singleElement().satisfies(result -> {
            assertThat(result.getCheck().getId()).isEqualTo("consumer:gone");
            assertThat(result.getMessage()).hasValueSatisfying(message -> assertThat(message)
                    .startsWith("not connected, trying again"));
        });
    }

    private Map<String, HealthCheck.Result> full() {
        return HealthCheckHelper.invokeReadiness(context, "full").stream()
                .collect(Collectors.toMap(result -> result.getCheck().getId(), result -> result));
    }
}
