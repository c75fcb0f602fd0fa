package dev.eventsuite.ingest.client;

import com.oracle.bmc.aivision.AIServiceVision;
import com.oracle.bmc.aivision.model.AnalyzeImageDetails;
import com.oracle.bmc.aivision.model.AnalyzeImageResult;
import com.oracle.bmc.aivision.model.ImageClassificationFeature;
import com.oracle.bmc.aivision.model.ImageDetails;
import com.oracle.bmc.aivision.model.ImageObject;
import com.oracle.bmc.aivision.model.ImageObjectDetectionFeature;
import com.oracle.bmc.aivision.model.InlineImageDetails;
import com.oracle.bmc.aivision.model.Label;
import com.oracle.bmc.aivision.model.ObjectStorageImageDetails;
import com.oracle.bmc.aivision.requests.AnalyzeImageRequest;
import dev.eventsuite.ingest.service.ImageAnalyzer;
import dev.eventsuite.ingest.store.StoredObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Labels images with OCI AI Vision: the objects it detects and the classes it assigns, by
 * confidence. Objects in OCI Object Storage are analysed where they are; local ones are sent
 * inline.
 */
public final class OciVisionImageAnalyzer implements ImageAnalyzer {

  /** The largest image AI Vision takes inline. */
  static final int MAX_INLINE_BYTES = 5 * 1024 * 1024;

  private final AIServiceVision vision;
  private final String compartmentId;
  private final boolean objectsInObjectStorage;
  private final int maxLabels;

  public OciVisionImageAnalyzer(
      AIServiceVision vision, String compartmentId, boolean objectsInObjectStorage, int maxLabels) {
    this.vision = vision;
    this.compartmentId = compartmentId;
    this.objectsInObjectStorage = objectsInObjectStorage;
    this.maxLabels = maxLabels;
  }

  @Override
  public List<String> labels(StoredObject object, byte[] image) {
    AnalyzeImageResult result =
        vision
            .analyzeImage(
                AnalyzeImageRequest.builder()
                    .analyzeImageDetails(
                        AnalyzeImageDetails.builder()
                            .compartmentId(compartmentId)
                            .image(imageOf(object, image))
                            .features(
                                List.of(
                                    ImageObjectDetectionFeature.builder()
                                        .maxResults(maxLabels)
                                        .build(),
                                    ImageClassificationFeature.builder()
                                        .maxResults(maxLabels)
                                        .build()))
                            .build())
                    .build())
            .getAnalyzeImageResult();
    Map<String, Double> confidence = new LinkedHashMap<>();
    if (result.getImageObjects() != null) {
      for (ImageObject detected : result.getImageObjects()) {
        confidence.merge(
            detected.getName().toLowerCase(), detected.getConfidence().doubleValue(), Math::max);
      }
    }
    if (result.getLabels() != null) {
      for (Label label : result.getLabels()) {
        confidence.merge(
            label.getName().toLowerCase(), label.getConfidence().doubleValue(), Math::max);
      }
    }
    List<Map.Entry<String, Double>> ranked = new ArrayList<>(confidence.entrySet());
    ranked.sort(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()));
    return ranked.stream().limit(maxLabels).map(Map.Entry::getKey).toList();
  }

  private ImageDetails imageOf(StoredObject object, byte[] image) {
    if (objectsInObjectStorage) {
      return ObjectStorageImageDetails.builder()
          .namespaceName(object.namespace())
          .bucketName(object.bucket())
          .objectName(object.name())
          .build();
    }
    if (image.length > MAX_INLINE_BYTES) {
      throw new IllegalArgumentException(
          "the image is "
              + image.length
              + " bytes; AI Vision takes at most "
              + MAX_INLINE_BYTES
              + " inline");
    }
    return InlineImageDetails.builder().data(image).build();
  }
}
