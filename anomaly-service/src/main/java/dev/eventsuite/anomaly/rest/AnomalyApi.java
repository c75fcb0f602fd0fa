package dev.eventsuite.anomaly.rest;

import dev.eventsuite.anomaly.store.ScoredEvent;
import dev.eventsuite.events.anomaly.AnomalyDetected;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The bodies of anomaly-service's API. */
public final class AnomalyApi {

  private AnomalyApi() {}

  /** A value to score against an entity's current features. */
  public record ScoreRequest(
      @Schema(description = "The entity", example = "sensor-7") @NotBlank @Size(max = 256)
          String entityId,
      @Schema(description = "The metric; the unnamed metric when absent", example = "temperature")
          @Size(max = 256)
          String metric,
      @Schema(description = "The value", example = "97.5") @NotNull Double value,
      @Schema(
              description = "ISO-8601 (no zone means UTC) or epoch millis; now when absent",
              example = "2025-01-01T10:00:00Z")
          String timestamp) {}

  /**
   * The score a value would get.
   *
   * @param status {@code scored}, {@code learning} (the detector is still warming up) or {@code
   *     skipped} (the features needed are missing; see {@code reason})
   */
  public record ScoreResponse(
      String entityId,
      String metric,
      String method,
      String feature,
      Double input,
      double score,
      double threshold,
      boolean anomaly,
      String status,
      String reason,
      @Schema(description = "The latest event of the series the score starts from")
          String basedOnEventId,
      Instant basedOnEventTime) {}

  /** Anomalies, latest first. */
  public record AnomaliesResponse(List<AnomalyDetected> anomalies) {}

  /** One scored event of a series. */
  public record Point(
      Instant time,
      String metric,
      Double value,
      Double input,
      double score,
      boolean anomaly,
      String method,
      String eventId) {

    static Point of(ScoredEvent event) {
      return new Point(
          event.eventTime(),
          event.metric(),
          event.value(),
          event.input(),
          event.score(),
          event.anomaly(),
          event.method(),
          event.eventId());
    }
  }

  /** An entity's scored events, oldest first. */
  public record SeriesResponse(String entityId, List<String> metrics, List<Point> points) {}
}
