package dev.eventsuite.ingest.service;

import dev.eventsuite.ingest.config.IngestConfig;
import dev.eventsuite.ingest.domain.tabular.ColumnMapping;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.Map;

/**
 * The column mapping of each table: the configured one whose bucket or bucket/prefix matches
 * longest.
 */
@ApplicationScoped
public class ColumnMappings {

  private final Map<String, IngestConfig.Columns> configured;

  @Inject
  public ColumnMappings(IngestConfig config) {
    this.configured = config.tabular().columns();
  }

  public ColumnMapping forObject(String bucket, String name) {
    String path = bucket + "/" + name;
    return configured.entrySet().stream()
        .filter(e -> path.startsWith(scope(e.getKey())))
        .max(Comparator.comparingInt(e -> e.getKey().length()))
        .map(e -> mapping(e.getValue()))
        .orElse(ColumnMapping.IDENTITY);
  }

  /** A key without a slash names a whole bucket; with one, a bucket and a prefix. */
  private static String scope(String key) {
    return key.contains("/") ? key : key + "/";
  }

  private static ColumnMapping mapping(IngestConfig.Columns columns) {
    return new ColumnMapping(
        columns.entityId(),
        columns.timestamp(),
        columns.metric(),
        columns.value(),
        columns.eventType(),
        columns.metricName());
  }
}
