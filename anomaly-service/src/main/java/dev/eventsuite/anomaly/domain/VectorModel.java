package dev.eventsuite.anomaly.domain;

/** A user's model that turns a vector of features into an anomaly score. */
public interface VectorModel {

  /** The model's name, as results name its method ({@code model:name}). */
  String name();

  /** The score of one feature vector, in the order the model was configured with. */
  double score(float[] features);
}
