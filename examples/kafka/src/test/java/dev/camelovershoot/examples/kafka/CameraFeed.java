package dev.camelovershoot.examples.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/** The cameras: every period, the next frame of each camera to the frames topic, keyed by the camera's name. */
final class CameraFeed implements AutoCloseable {

    /** A frame Kafka acknowledged: its camera, number, partition, and when it was sent ({@link System#nanoTime()}). */
    record Published(int camera, int seq, int partition, long nanos) {
    }

    private final KafkaProducer<String, byte[]> producer;
    private final String topic;
    private final int cameras;
    private final List<Published> published = new CopyOnWriteArrayList<>();
    private final Map<Integer, Integer> partitionOf = new ConcurrentHashMap<>();
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "camera-feed");
        thread.setDaemon(true);
        return thread;
    });
    private int seq;

    CameraFeed(InJvmKafka kafka, String topic, int cameras) {
        this.producer = kafka.bytesProducer();
        this.topic = topic;
        this.cameras = cameras;
    }

    CameraFeed start(Duration period) {
        clock.scheduleAtFixedRate(this::tick, 0, period.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    List<Published> published() {
        return List.copyOf(published);
    }

    /** The partition of each camera that has a frame acknowledged. */
    Map<Integer, Integer> partitionOf() {
        return Map.copyOf(partitionOf);
    }

    /** Stops the cameras; frames sent are acknowledged before it returns. */
    void stop() throws InterruptedException {
        clock.shutdown();
        clock.awaitTermination(10, TimeUnit.SECONDS);
        producer.flush();
    }

    @Override
    public void close() throws InterruptedException {
        stop();
        producer.close(Duration.ofSeconds(10));
    }

    private void tick() {
        int frame = seq++;
        for (int camera = 1; camera <= cameras; camera++) {
            int c = camera;
            byte[] jpeg = CameraFrames.jpeg(c, frame);
            long nanos = System.nanoTime();
            producer.send(new ProducerRecord<>(topic, CameraFrames.name(c), jpeg), (metadata, error) -> {
                if (error == null) {
                    partitionOf.put(c, metadata.partition());
                    published.add(new Published(c, frame, metadata.partition(), nanos));
                }
            });
        }
    }
}
