package dev.camelovershoot.examples.kafka;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.apache.camel.component.kafka.consumer.support.subcription.DefaultSubscribeAdapter;
import org.apache.camel.component.kafka.consumer.support.subcription.SubscribeAdapter;
import org.apache.camel.component.kafka.consumer.support.subcription.TopicInfo;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cameras this node owns: those whose frames came from the partitions Kafka assigned it. When Kafka takes a
 * partition away (revoked in a rebalance, or lost when this node's session expired), the streams of its cameras
 * close at once rather than after the idle timeout, so that the new owner's stream is the only one.
 *
 * <p>camel-kafka 4.18 has no option for a {@link ConsumerRebalanceListener} of the user's; it subscribes through a
 * {@link SubscribeAdapter} looked up in the registry under {@code subscribeAdapter}
 * ({@code KafkaConstants.KAFKA_SUBSCRIBE_ADAPTER}) and hands it its own listener (which commits offsets on
 * revocation). This adapter subscribes as camel-kafka's default one does, with that listener wrapped.
 */
public final class CameraOwnership implements SubscribeAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(CameraOwnership.class);

    private final Map<TopicPartition, Set<String>> cameras = new ConcurrentHashMap<>();
    private final Consumer<String> closeStream;
    private final SubscribeAdapter subscription = new DefaultSubscribeAdapter();

    /** @param closeStream closes the stream of one camera now (a no-op when it has none) */
    public CameraOwnership(Consumer<String> closeStream) {
        this.closeStream = closeStream;
    }

    /** A frame of {@code camera} came from {@code partition}: the camera is this node's until the partition goes. */
    public void frameFrom(String topic, int partition, String camera) {
        cameras.computeIfAbsent(new TopicPartition(topic, partition), p -> ConcurrentHashMap.newKeySet()).add(camera);
    }

    /** The cameras owned now, sorted. */
    public Set<String> cameras() {
        Set<String> all = new TreeSet<>();
        cameras.values().forEach(all::addAll);
        return all;
    }

    @Override
    public void subscribe(org.apache.kafka.clients.consumer.Consumer<?, ?> consumer,
            ConsumerRebalanceListener reBalanceListener, TopicInfo topicInfo) {
        subscription.subscribe(consumer, new ClosingListener(reBalanceListener), topicInfo);
    }

    /** Closes the streams of the cameras of {@code partitions}; runs on the Kafka consumer's thread, inside poll. */
    private void release(Collection<TopicPartition> partitions, String why) {
        List<String> closed = partitions.stream().map(cameras::remove).filter(c -> c != null)
                .flatMap(Set::stream).sorted().toList();
        for (String camera : closed) {
            try {
                closeStream.accept(camera);
            } catch (RuntimeException e) {
                LOG.warn("Closing the stream of camera {} failed: {}", camera, e.toString());
            }
        }
        LOG.info("Partitions {}: {}; closed the streams of cameras {}", why, partitionNumbers(partitions), closed);
    }

    private static List<Integer> partitionNumbers(Collection<TopicPartition> partitions) {
        return partitions.stream().map(TopicPartition::partition).sorted().toList();
    }

    /** camel-kafka's listener, with this node's streams closed before it commits and lets the partitions go. */
    private final class ClosingListener implements ConsumerRebalanceListener {

        private final ConsumerRebalanceListener camel;

        ClosingListener(ConsumerRebalanceListener camel) {
            this.camel = camel;
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            if (!partitions.isEmpty()) {
                release(partitions, "revoked");
            }
            camel.onPartitionsRevoked(partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            release(partitions, "lost");
            camel.onPartitionsLost(partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            camel.onPartitionsAssigned(partitions);
            if (!partitions.isEmpty()) {
                LOG.info("Partitions assigned: {}", partitionNumbers(partitions));
            }
        }
    }
}
