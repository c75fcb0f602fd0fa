package dev.eventsuite.vectors.embedding;

/** Small vector arithmetic. */
public final class Vectors {

  private Vectors() {}

  /** The vector scaled to unit length; a zero vector is returned as it is. */
  public static float[] normalised(float[] vector) {
    double sum = 0;
    for (float v : vector) {
      sum += v * v;
    }
    if (sum == 0 || Math.abs(sum - 1) < 1e-6) {
      return vector;
    }
    float scale = (float) (1 / Math.sqrt(sum));
    float[] unit = new float[vector.length];
    for (int i = 0; i < vector.length; i++) {
      unit[i] = vector[i] * scale;
    }
    return unit;
  }

  /** The cosine similarity of two vectors of the same length. */
  public static double cosine(float[] a, float[] b) {
    double dot = 0;
    double normA = 0;
    double normB = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
      normA += a[i] * a[i];
      normB += b[i] * b[i];
    }
    return normA == 0 || normB == 0 ? 0 : dot / Math.sqrt(normA * normB);
  }
}
