package dev.camelovershoot.examples.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camelovershoot.testinfra.OvershootEmulator;
import dev.camelovershoot.testinfra.OvershootEmulatorExtension;
import dev.camelovershoot.testinfra.frames.TestImages;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.apache.camel.main.Main;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Red JPEG frames go to the frames topic of an in-JVM Kafka; the example's routes, run by camel-main against the
 * emulator, put the emulator's description of them ({@code "color":"red"}) on the results topic.
 */
class KafkaVideoRoutesTest {

    private static final String FRAMES = "frames";
    private static final String RESULTS = "results";
    private static final Duration WAIT = Duration.ofSeconds(45);

    @RegisterExtension
    static final OvershootEmulatorExtension EMULATOR = OvershootEmulatorExtension.create(b -> { });

    private static InJvmKafka kafka;

    @BeforeAll
    static void startKafka() throws Exception {
        kafka = InJvmKafka.start();
        kafka.createTopics(FRAMES, RESULTS);
    }

    @AfterAll
    static void stopKafka() throws Exception {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void redFramesFromKafkaComeBackAsRedResults() throws Exception {
        Main main = KafkaVideoApp.newMain();
        configure(main, EMULATOR.emulator());
        main.start();
        ScheduledExecutorService camera = Executors.newSingleThreadScheduledExecutor();
        try (KafkaProducer<String, byte[]> producer = kafka.bytesProducer();
                KafkaConsumer<String, String> results = kafka.stringConsumer(RESULTS)) {
            byte[] red = jpeg("red");
            camera.scheduleAtFixedRate(() -> producer.send(new ProducerRecord<>(FRAMES, "camera-1", red)),
                    0, 100, TimeUnit.MILLISECONDS);

            ConsumerRecord<String, String> result = InJvmKafka.firstMatch(results,
                    record -> record.value().contains("\"color\":\"red\""), WAIT).orElseThrow(
                            () -> new AssertionError("No red result on topic " + RESULTS + " within " + WAIT));

            assertThat(result.key()).isNotBlank();
            assertThat(header(result, KafkaVideoRoutes.PROMPT_HEADER)).isEqualTo("What colour is the scene?");
            assertThat(header(result, KafkaVideoRoutes.MODEL_HEADER))
                    .isEqualTo(OvershootEmulator.DEFAULT_MODELS.get(0).model());
        } finally {
            camera.shutdownNow();
            main.stop();
        }
    }

    private static void configure(Main main, OvershootEmulator emulator) {
        main.addOverrideProperty("kafka.brokers", kafka.bootstrapServers());
        main.addOverrideProperty("frames.topic", FRAMES);
        main.addOverrideProperty("results.topic", RESULTS);
        main.addOverrideProperty("overshoot.prompt", "What colour is the scene?");
        main.addOverrideProperty("overshoot.model", OvershootEmulator.DEFAULT_MODELS.get(0).model());
        main.addOverrideProperty("camel.component.overshoot.api-url", emulator.baseUrl());
        main.addOverrideProperty("camel.component.overshoot.api-key", emulator.apiKey());
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static byte[] jpeg(String colour) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(TestImages.solid(320, 240, colour), "jpg", out);
        return out.toByteArray();
    }
}
