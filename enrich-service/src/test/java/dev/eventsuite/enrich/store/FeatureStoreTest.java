package dev.eventsuite.enrich.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.eventsuite.events.EventJson;
import dev.eventsuite.platform.store.StoreDataSource;
import dev.eventsuite.testing.KafkaTestResource;
import dev.eventsuite.testing.TopicTail;
import dev.eventsuite.testing.TopicWriter;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class FeatureStoreTest {

  @Inject StoreDataSource store;

  @Test
  void shouldWriteEachEntityWithThePositionOfItsLastEventBehindTheStream() throws Exception {
    String user = "u-" + UUID.randomUUID();
    JsonNode last;
    try (TopicTail features = TopicTail.of("features");
        TopicWriter writer = TopicWriter.toTestBroker()) {
      for (int i = 0; i < 3; i++) {
        writer.write(
            "metric-events",
            user,
            "{\"userId\":\""
                + user
                + "\",\"metric\":"
                + i
                + ",\"timestamp\":\"2025-01-01T10:00:0"
                + i
                + "Z\"}");
      }
      List<ConsumerRecord<String, byte[]>> out =
          features.await(3, r -> user.equals(r.key()), Duration.ofSeconds(30));
      last = EventJson.tree(out.get(2).value());
    }

    Row expected =
        new Row(
            "metric-events",
            last.at("/source/partition").asInt(),
            last.at("/source/offset").asLong());
    await().atMost(Duration.ofSeconds(10)).until(() -> row(user), expected::equals);
    assertThat(row(user)).isEqualTo(expected);
  }

  private record Row(String topic, int partition, long offset) {}

  private Row row(String entityId) throws Exception {
    try (Connection connection = store.get().getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT source_topic, source_partition, source_offset FROM entity_features WHERE entity_id = ?")) {
      select.setString(1, entityId);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? new Row(rows.getString(1), rows.getInt(2), rows.getLong(3)) : null;
      }
    }
  }
}
