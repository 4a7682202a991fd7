package dev.camelovershoot.examples.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import kafka.testkit.KafkaClusterTestKit;
import kafka.testkit.TestKitNodes;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** A one-node KRaft Kafka (combined broker and controller) inside the test JVM, with its clients. */
final class InJvmKafka implements AutoCloseable {

    private final KafkaClusterTestKit cluster;

    private InJvmKafka(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
    }

    static InJvmKafka start() throws Exception {
        KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setCombined(true)
                .setNumBrokerNodes(1)
                .setNumControllerNodes(1)
                .build())
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .build();
        try {
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            return new InJvmKafka(cluster);
        } catch (Exception e) {
            cluster.close();
            throw e;
        }
    }

    String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    void createTopics(String... names) throws Exception {
        createTopics(1, names);
    }

    void createTopics(int partitions, String... names) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers()))) {
            List<NewTopic> topics = Arrays.stream(names).map(name -> new NewTopic(name, partitions, (short) 1)).toList();
            admin.createTopics(topics).all().get();
        }
    }

    KafkaProducer<String, byte[]> bytesProducer() {
        return new KafkaProducer<>(Map.of("bootstrap.servers", bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** A consumer of the topic from its beginning, in a group of its own. */
    KafkaConsumer<String, String> stringConsumer(String topic) {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    /** Polls until a record matches, for at most {@code wait}. */
    static <K, V> Optional<ConsumerRecord<K, V>> firstMatch(KafkaConsumer<K, V> consumer,
            Predicate<ConsumerRecord<K, V>> match, Duration wait) {
        Instant deadline = Instant.now().plus(wait);
        while (Instant.now().isBefore(deadline)) {
            for (ConsumerRecord<K, V> record : consumer.poll(Duration.ofMillis(200))) {
                if (match.test(record)) {
                    return Optional.of(record);
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() throws Exception {
        cluster.close();
    }
}
