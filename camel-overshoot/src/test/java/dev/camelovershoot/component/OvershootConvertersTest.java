package dev.camelovershoot.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.NoTypeConversionAvailableException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The JSON converters serve Overshoot results only: other routes of the context convert as without the component. */
class OvershootConvertersTest {

    private static final String JSON = "{\"people\":2}";

    private final CamelContext context = new DefaultCamelContext();
    private ProducerTemplate template;

    @BeforeEach
    void routes() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:map").convertBodyTo(Map.class);
                from("direct:json").convertBodyTo(JsonNode.class);
            }
        });
        context.start();
        template = context.createProducerTemplate();
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    @Test
    void anOvershootResultConvertsToAMapAndToJson() {
        Object map = template.requestBodyAndHeader("direct:map", JSON, OvershootConstants.RESULT_ID, "res_1");
        Object json = template.requestBodyAndHeader("direct:json", JSON, OvershootConstants.RESULT_ID, "res_1");

        assertThat(map).isEqualTo(Map.of("people", 2));
        assertThat(((JsonNode) json).path("people").asInt()).isEqualTo(2);
    }

    @Test
    void aStringOfAnotherRouteIsNotTurnedIntoAMapOrJson() {
        assertThatThrownBy(() -> template.requestBody("direct:map", JSON))
                .isInstanceOf(CamelExecutionException.class)
                .hasRootCauseInstanceOf(NoTypeConversionAvailableException.class);
        assertThatThrownBy(() -> template.requestBody("direct:json", JSON))
                .isInstanceOf(CamelExecutionException.class)
                .hasRootCauseInstanceOf(NoTypeConversionAvailableException.class);
        assertThat(context.getTypeConverter().tryConvertTo(Map.class, JSON)).isNull();
    }
}
