package dev.camelovershoot.examples.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;

/** Every record of the results topic as it arrives, with the frames its result covers. */
final class ResultLog implements AutoCloseable {

    /**
     * A result: its record key, the camera and frame numbers the model read from the frames, the stream, and when it
     * arrived ({@link System#nanoTime()}).
     */
    record Result(String key, int camera, List<Integer> frames, String streamId, long nanos) {

        boolean covers(int seq) {
            return frames.contains(seq);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KafkaConsumer<String, String> consumer;
    private final List<Result> results = new CopyOnWriteArrayList<>();
    private final Thread poller;
    private volatile boolean running = true;

    ResultLog(InJvmKafka kafka, String topic) {
        this.consumer = kafka.stringConsumer(topic);
        this.poller = new Thread(this::poll, "result-log");
        poller.setDaemon(true);
        poller.start();
    }

    List<Result> results() {
        return List.copyOf(results);
    }

    private void poll() {
        try {
            while (running) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    results.add(parse(record));
                }
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private static Result parse(ConsumerRecord<String, String> record) {
        long nanos = System.nanoTime();
        Header stream = record.headers().lastHeader(ScaleOutRoutes.STREAM_ID_HEADER);
        String streamId = stream == null ? null : new String(stream.value(), StandardCharsets.UTF_8);
        try {
            JsonNode answer = JSON.readTree(record.value());
            List<Integer> frames = new ArrayList<>();
            answer.path("frames").forEach(n -> frames.add(n.asInt()));
            return new Result(record.key(), answer.path("camera").asInt(), List.copyOf(frames), streamId, nanos);
        } catch (Exception e) {
            return new Result(record.key(), -1, List.of(), streamId, nanos);
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        poller.join(10_000);
    }
}
