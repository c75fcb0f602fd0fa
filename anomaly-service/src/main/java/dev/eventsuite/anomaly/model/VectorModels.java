package dev.eventsuite.anomaly.model;

import dev.eventsuite.anomaly.config.AnomalyConfig;
import dev.eventsuite.anomaly.domain.VectorModel;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The configured ONNX models, loaded once at start: a model that cannot load stops the service. */
@Singleton
public class VectorModels {

  private final Map<String, OnnxVectorModel> models = new HashMap<>();

  @Inject
  public VectorModels(AnomalyConfig config) {
    config
        .models()
        .forEach((name, model) -> models.put(name, new OnnxVectorModel(name, model.path())));
  }

  public Optional<VectorModel> find(String name) {
    return Optional.ofNullable(models.get(name));
  }

  void close(@Observes ShutdownEvent event) throws Exception {
    for (OnnxVectorModel model : models.values()) {
      model.close();
    }
  }
}
