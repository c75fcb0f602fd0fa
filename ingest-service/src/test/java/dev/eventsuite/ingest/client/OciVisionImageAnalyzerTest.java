package dev.eventsuite.ingest.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.oracle.bmc.aivision.AIServiceVisionClient;
import dev.eventsuite.events.EventJson;
import dev.eventsuite.ingest.store.StoredObject;
import dev.eventsuite.oci.OciApiStub;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Image labels from OCI AI Vision, through the real OCI SDK, against a stub of its API. */
class OciVisionImageAnalyzerTest {

  private static final StoredObject PHOTO =
      new StoredObject(
          "ns1", "photos", "2024/dog.jpg", "e1", 3, Instant.EPOCH, "image/jpeg", Map.of());

  private static final String RESULT =
      """
      {"imageObjects":[{"name":"Dog","confidence":0.97,"boundingPolygon":{"normalizedVertices":[]}},
                       {"name":"Ball","confidence":0.61,"boundingPolygon":{"normalizedVertices":[]}}],
       "labels":[{"name":"Animal","confidence":0.9},{"name":"dog","confidence":0.5}]}
      """;

  @Test
  void shouldLabelAnObjectInObjectStorageByItsNameAndRankLabelsByConfidence() throws Exception {
    try (OciApiStub stub = new OciApiStub(r -> OciApiStub.Response.json(200, RESULT));
        AIServiceVisionClient vision =
            AIServiceVisionClient.builder()
                .endpoint(stub.endpoint())
                .build(stub.authentication())) {

      var labels =
          new OciVisionImageAnalyzer(vision, "ocid1.compartment.oc1..c", true, 10)
              .labels(PHOTO, new byte[0]);

      assertThat(labels).containsExactly("dog", "animal", "ball");
      OciApiStub.Request request = stub.requests().get(0);
      assertThat(request.method()).isEqualTo("POST");
      assertThat(request.rawPath()).endsWith("/actions/analyzeImage");
      assertThat(request.header("authorization")).contains("keyId=\"" + stub.keyId() + "\"");
      JsonNode body = EventJson.tree(request.body());
      assertThat(body.at("/compartmentId").asText()).isEqualTo("ocid1.compartment.oc1..c");
      assertThat(body.at("/image/source").asText()).isEqualTo("OBJECT_STORAGE");
      assertThat(body.at("/image/namespaceName").asText()).isEqualTo("ns1");
      assertThat(body.at("/image/bucketName").asText()).isEqualTo("photos");
      assertThat(body.at("/image/objectName").asText()).isEqualTo("2024/dog.jpg");
      assertThat(body.at("/features").findValuesAsText("featureType"))
          .containsExactlyInAnyOrder("OBJECT_DETECTION", "IMAGE_CLASSIFICATION");
    }
  }

  @Test
  void shouldSendALocalImageInline() throws Exception {
    try (OciApiStub stub = new OciApiStub(r -> OciApiStub.Response.json(200, RESULT));
        AIServiceVisionClient vision =
            AIServiceVisionClient.builder()
                .endpoint(stub.endpoint())
                .build(stub.authentication())) {

      new OciVisionImageAnalyzer(vision, "ocid1.compartment.oc1..c", false, 2)
          .labels(PHOTO, new byte[] {1, 2, 3});

      JsonNode body = EventJson.tree(stub.requests().get(0).body());
      assertThat(body.at("/image/source").asText()).isEqualTo("INLINE");
      assertThat(Base64.getDecoder().decode(body.at("/image/data").asText()))
          .containsExactly(1, 2, 3);
      assertThat(body.at("/features/0/maxResults").asInt()).isEqualTo(2);
    }
  }
}
