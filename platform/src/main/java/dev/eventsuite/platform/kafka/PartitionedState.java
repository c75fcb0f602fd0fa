package dev.eventsuite.platform.kafka;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.kafka.common.TopicPartition;

/**
 * What a stateful {@link StreamHandler} holds per assigned partition: values by key, loaded when
 * the partition is assigned, dropped when it is revoked, and the keys changed since the last
 * checkpoint. The loop thread writes; other threads (an API) may read without blocking.
 *
 * @param <K> the key, e.g. an entity id
 * @param <V> the state of one key
 */
public final class PartitionedState<K, V> {

  private final Map<Integer, Partition<K, V>> partitions = new ConcurrentHashMap<>();
  private final Set<Integer> catchingUp = ConcurrentHashMap.newKeySet();
  private volatile boolean everCaughtUp;

  /** A partition's values and the keys changed since the last checkpoint. */
  private record Partition<K, V>(Map<K, V> values, Set<K> changed) {
    Partition() {
      this(new ConcurrentHashMap<>(), new HashSet<>());
    }
  }

  /** The value of a key in a partition, made by {@code create} the first time. */
  public V computeIfAbsent(int partition, K key, Function<K, V> create) {
    return partitions
        .computeIfAbsent(partition, p -> new Partition<>())
        .values()
        .computeIfAbsent(key, create);
  }

  /** Marks a key changed, to be captured by the next checkpoint. */
  public void changed(int partition, K key) {
    partitions.computeIfAbsent(partition, p -> new Partition<>()).changed().add(key);
  }

  /**
   * A partition was assigned: its values as loaded from a store, none changed. It is catching up
   * until {@link #caughtUp}: the records since the store was written are being applied again.
   */
  public void assign(int partition, Map<K, V> loaded) {
    Partition<K, V> state = new Partition<>();
    state.values().putAll(loaded);
    catchingUp.add(partition);
    partitions.put(partition, state);
  }

  /** Partitions caught up with what they held when assigned: their values are current. */
  public void caughtUp(Collection<TopicPartition> current) {
    current.forEach(p -> catchingUp.remove(p.partition()));
    everCaughtUp = true;
  }

  /**
   * Whether every key this instance holds is known: false before the first assignment has caught
   * up, and while any assigned partition is catching up, when a key not found may yet appear.
   */
  public boolean isCurrent() {
    return everCaughtUp && catchingUp.isEmpty();
  }

  /** Partitions were revoked: their values are dropped. */
  public void revoke(Collection<TopicPartition> revoked) {
    revoked.forEach(
        p -> {
          partitions.remove(p.partition());
          catchingUp.remove(p.partition());
        });
  }

  /** A key's value in whichever assigned partition holds it; never blocks. */
  public Optional<V> find(K key) {
    for (Partition<K, V> partition : partitions.values()) {
      V value = partition.values().get(key);
      if (value != null) {
        return Optional.of(value);
      }
    }
    return Optional.empty();
  }

  /**
   * Captures every value changed since the last call, as {@code capture} makes it, and forgets that
   * they changed.
   */
  public <R> List<R> drainChanged(BiFunction<K, V, R> capture) {
    List<R> captured = new ArrayList<>();
    for (Partition<K, V> partition : partitions.values()) {
      partition
          .changed()
          .forEach(key -> captured.add(capture.apply(key, partition.values().get(key))));
      partition.changed().clear();
    }
    return captured;
  }

  /** The values held across partitions. */
  public int size() {
    return partitions.values().stream().mapToInt(p -> p.values().size()).sum();
  }
}
