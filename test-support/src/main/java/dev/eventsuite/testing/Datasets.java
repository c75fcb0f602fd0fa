package dev.eventsuite.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The labelled evaluation data (STS Benchmark, NAB, OCI event samples), found where the build's
 * {@code datasets.dir} system property points: {@code ../shared/datasets} beside the checkout
 * unless overridden with {@code -Ddatasets=DIR}.
 */
public final class Datasets {

  private Datasets() {}

  /** A file or folder of the datasets, which must exist. */
  public static Path path(String relative) {
    String root = System.getProperty("datasets.dir");
    if (root == null) {
      throw new IllegalStateException(
          "the datasets.dir system property is not set; run through Maven");
    }
    Path path = Path.of(root).resolve(relative).normalize();
    if (!Files.exists(path)) {
      throw new IllegalStateException(
          path
              + " does not exist; point -Ddatasets at the folder holding stsb/, nab/ and oci-events/");
    }
    return path;
  }
}
