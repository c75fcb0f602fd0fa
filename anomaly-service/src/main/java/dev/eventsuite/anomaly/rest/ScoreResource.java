package dev.eventsuite.anomaly.rest;

import dev.eventsuite.anomaly.domain.Detector;
import dev.eventsuite.anomaly.domain.SeriesKey;
import dev.eventsuite.anomaly.domain.SeriesScorer;
import dev.eventsuite.anomaly.domain.Verdict;
import dev.eventsuite.anomaly.messaging.FeaturesHandler;
import dev.eventsuite.anomaly.service.Detectors;
import dev.eventsuite.anomaly.store.AnomalyStore;
import dev.eventsuite.events.feature.FeaturesUpdated;
import dev.eventsuite.platform.http.ApiDocumentFilter;
import dev.eventsuite.platform.http.ApiKeyRequired;
import dev.eventsuite.platform.http.ProblemException;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Live scoring: the score a value would get from its series' detector as of the latest features,
 * without storing or learning anything.
 */
@Path("/api/v1/score")
@Tag(name = "Scoring", description = "What a value would score now, without storing it")
@ApiKeyRequired
@SecurityRequirement(name = ApiDocumentFilter.API_KEY)
@SecurityRequirement(name = ApiDocumentFilter.BEARER)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ScoreResource {

  private final FeaturesHandler features;
  private final AnomalyStore store;
  private final Detectors detectors;

  @Inject
  public ScoreResource(FeaturesHandler features, AnomalyStore store, Detectors detectors) {
    this.features = features;
    this.store = store;
    this.detectors = detectors;
  }

  @POST
  @Operation(summary = "Score a value against an entity's current features, storing nothing")
  @APIResponse(responseCode = "200", description = "The score")
  @APIResponse(responseCode = "400", description = "A field is missing or invalid")
  @APIResponse(
      responseCode = "503",
      description =
          "The series is not held and detector state is still loading after a restart or"
              + " rebalance; ask again after Retry-After seconds")
  public AnomalyApi.ScoreResponse score(@Valid @NotNull AnomalyApi.ScoreRequest request) {
    if (request.value().isNaN() || request.value().isInfinite()) {
      throw ProblemException.badRequest("invalid-value", "value must be a finite number");
    }
    Instant time = RequestTimes.parse("timestamp", request.timestamp(), Instant.now());
    SeriesKey key = SeriesKey.of(request.entityId(), request.metric());
    Optional<SeriesScorer> held = features.held(key);
    if (held.isEmpty() && !features.isCurrent()) {
      // The series may be on a partition still being replayed: scoring it against the stored
      // state, or as new, would answer with a detector that is behind.
      throw ProblemException.loading(
          "detector state is still loading after a restart or rebalance; ask again");
    }
    SeriesScorer scorer =
        held.or(() -> store.findSeries(key).map(features::restore))
            .orElseGet(() -> detectors.newScorer(key));
    Verdict verdict = scorer.peek(request.value(), time);
    FeaturesUpdated latest = scorer.latest();
    String status = "skipped";
    String reason = null;
    Double input = null;
    Detector.Score score = Detector.Score.LEARNING;
    if (verdict instanceof Verdict.Scored scored) {
      score = scored.score();
      input = Double.isNaN(scored.input()) ? null : scored.input();
      status = score == Detector.Score.LEARNING ? "learning" : "scored";
    } else if (verdict instanceof Verdict.Skipped skipped) {
      reason = skipped.detail();
    }
    return new AnomalyApi.ScoreResponse(
        key.entityId(),
        request.metric(),
        scorer.spec().methodName(),
        scorer.spec().featureName(),
        input,
        score.score(),
        scorer.spec().threshold(),
        score.anomaly(),
        status,
        reason,
        latest == null ? null : latest.eventId(),
        latest == null ? null : latest.eventTime());
  }
}
