package dev.camelovershoot.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.camelovershoot.client.v1.ViewerToken;
import dev.camelovershoot.client.wire.ModelInfo;
import dev.camelovershoot.testinfra.OvershootEmulatorExtension;
import dev.camelovershoot.testinfra.TestCertificates;
import dev.camelovershoot.testinfra.frames.TestImages;
import dev.camelovershoot.testinfra.v1.V1Settings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The emulator serves HTTPS and WSS with a certificate of a test CA: a route trusting that CA through
 * sslContextParameters gets results over the REST API, the results WebSocket and LiveKit signalling, all over TLS;
 * without it the route fails saying the certificate is not trusted. A v1 stream publishes through its LiveKit room
 * over wss as well.
 */
class TlsTest extends EmulatorCamelTest {

    private static final Path DIR = tempDir();
    private static final String V1_MODEL = V1Settings.DEFAULT_MODELS.get(0).model();
    private static final TestCertificates CERTS = TestCertificates.create(DIR);

    @RegisterExtension
    static final OvershootEmulatorExtension EMULATOR = OvershootEmulatorExtension.create(
            b -> b.tls(CERTS.serverKeyStore(), CERTS.password()));

    private final AtomicInteger clientsMade = new AtomicInteger();

    TlsTest() {
        super(EMULATOR.emulator());
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        OvershootComponent component = context.getComponent("overshoot", OvershootComponent.class);
        component.setSslContextParameters(trusting(context));
        // The factory sees the builder the options set up, TLS included.
        component.setHttpClientFactory(builder -> {
            clientsMade.incrementAndGet();
            return builder.build();
        });
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("overshoot:tls?intervalSeconds=0.5").to("mock:results");
            }
        };
    }

    @AfterAll
    static void deleteCertificates() throws IOException {
        try (var files = Files.list(DIR)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(DIR);
    }

    @Test
    void aRouteTrustingTheCaGetsResultsOverTls() throws Exception {
        assertThat(emulator.baseUrl()).startsWith("https://");
        startCamera("overshoot:tls");
        MockEndpoint results = getMockEndpoint("mock:results");
        results.expectedMinimumMessageCount(1);
        results.message(0).body(String.class).contains("\"color\":\"red\"");

        results.assertIsSatisfied(WAIT.toMillis());
        // Frames went over WebRTC into a LiveKit room joined by signalling over wss.
        assertThat(emulator.liveKitUrl()).startsWith("wss://");
        assertThat(snapshot(activeStream()).sourceType()).isEqualTo("native");
        // One client for REST and signalling, one for the results WebSocket: the results came over wss, so both
        // were the factory's.
        assertThat(clientsMade).hasValue(2);
    }

    @Test
    void aV1StreamPublishesThroughItsRoomOverWssAndGetsAnswers() throws Exception {
        String v1 = "overshoot:tlsv1?apiUrl=RAW(" + emulator.v1BaseUrl() + ")&model=" + V1_MODEL
                + "&intervalSeconds=0.3";
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("timer:v1camera?period=100").setBody(exchange -> TestImages.solid(160, 120, "red")).to(v1);
                from(v1).to("mock:v1answers");
                from("direct:viewer").to(v1 + "&operation=viewerToken");
            }
        });
        MockEndpoint answers = getMockEndpoint("mock:v1answers");

        await().atMost(WAIT).until(() -> answers.getExchanges().stream()
                .anyMatch(e -> e.getMessage().getBody(String.class).contains("\"color\":\"red\"")));
        // The frames reached the service through the stream's LiveKit room, joined at the URL the service gave.
        ViewerToken viewer = template.requestBody("direct:viewer", null, ViewerToken.class);
        assertThat(viewer.url()).startsWith("wss://");
    }

    @Test
    void theGlobalSslContextParametersAreUsedWhenAsked() throws Exception {
        try (CamelContext other = pointAtEmulator(new DefaultCamelContext())) {
            other.setSSLContextParameters(trusting(other));
            other.getComponent("overshoot", OvershootComponent.class).setUseGlobalSslContextParameters(true);
            other.start();

            List<?> models = other.createProducerTemplate()
                    .requestBody("overshoot:models?operation=listModels", null, List.class);

            assertThat(models).isNotEmpty().allMatch(ModelInfo.class::isInstance);
        }
    }

    @Test
    void aRouteNotTrustingTheCaFailsSayingSo() throws Exception {
        try (CamelContext other = pointAtEmulator(new DefaultCamelContext())) {
            other.start();

            assertThatThrownBy(() -> other.createProducerTemplate()
                    .requestBody("overshoot:models?operation=listModels", (Object) null))
                    .isInstanceOf(CamelExecutionException.class)
                    .rootCause()
                    .hasMessageContaining("unable to find valid certification path");
        }
    }

    /** Trusts the test CA only. */
    private static SSLContextParameters trusting(CamelContext context) {
        KeyStoreParameters trustStore = new KeyStoreParameters();
        trustStore.setCamelContext(context);
        trustStore.setResource("file:" + CERTS.trustStore());
        trustStore.setPassword(CERTS.password());
        trustStore.setType("PKCS12");
        TrustManagersParameters trust = new TrustManagersParameters();
        trust.setKeyStore(trustStore);
        SSLContextParameters ssl = new SSLContextParameters();
        ssl.setTrustManagers(trust);
        return ssl;
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("overshoot-tls");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
