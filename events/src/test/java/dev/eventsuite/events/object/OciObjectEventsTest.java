package dev.eventsuite.events.object;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OciObjectEventsTest {

  private static final String REFERENCE_EVENT =
      "oci-events/createobject_oci-reference-example.json";

  @Test
  void shouldReadTheOciReferenceCreateObjectEvent() throws IOException {
    Path sample = Path.of(System.getProperty("datasets.dir"), REFERENCE_EVENT);
    assertThat(sample).as("the OCI reference event; set -Ddatasets=DIR").exists();

    OciEventParseResult result = OciObjectEvents.parse(Files.readAllBytes(sample));

    assertThat(result)
        .isEqualTo(
            new OciEventParseResult.Accepted(
                new ObjectChanged(
                    "unique_ID",
                    ObjectChange.CREATED,
                    Instant.parse("2019-01-10T21:19:24Z"),
                    "example_namespace",
                    "my_bucket",
                    "my_object",
                    "f8ffb6e9-f602-460f-a6c0-00b5abfa24c7",
                    "ocid1.compartment.oc1..unique_ID",
                    Map.of())));
  }

  @Test
  void shouldMatchSourceAndFieldNamesInAnyCase() {
    // As captured from a real tenancy: "ObjectStorage", a real AD, tags, another key order.
    String event =
        """
        {"EventType":"com.oraclecloud.objectstorage.CreateObject","source":"ObjectStorage",
         "eventID":"e-1","eventTime":"2025-03-01T08:00:00Z",
         "data":{"availabilityDomain":"FRA-AD-1","compartmentName":"prod",
                 "freeFormTags":{"team":"search"},"resourceName":"a.csv",
                 "additionalDetails":{"BucketName":"inbox","namespace":"ns1","eTag":"v1"}}}
        """;

    ObjectChanged changed = accepted(event);

    assertThat(changed.change()).isEqualTo(ObjectChange.CREATED);
    assertThat(changed.objectPath()).isEqualTo("ns1/inbox/a.csv");
    assertThat(changed.freeFormTags()).containsEntry("team", "search");
  }

  @Test
  void shouldAcceptEventsMissingOptionalFields() {
    // No cloudEventsVersion, eventTime, extensions, compartment or eTag; unknown fields present.
    String event =
        """
        {"eventType":"com.oraclecloud.objectstorage.createobject","eventID":"e-2",
         "somethingNew":{"x":1},
         "data":{"resourceName":"b.txt","additionalDetails":{"namespace":"ns","bucketName":"bk"},
                 "anotherNewField":true}}
        """;

    ObjectChanged changed = accepted(event);

    assertThat(changed.eventTime()).isNull();
    assertThat(changed.eTag()).isNull();
    assertThat(changed.compartmentId()).isNull();
    assertThat(changed.objectPath()).isEqualTo("ns/bk/b.txt");
  }

  @Test
  void shouldReadUpdateAndDeleteEvents() {
    assertThat(accepted(objectEvent("updateobject", "doc.pdf")).change())
        .isEqualTo(ObjectChange.UPDATED);
    assertThat(accepted(objectEvent("deleteobject", "doc.pdf")).change())
        .isEqualTo(ObjectChange.DELETED);
  }

  @Test
  void shouldIgnoreBucketEvents() {
    // Bucket events carry publicAccessType and no eTag; they say nothing about an object.
    String event =
        """
        {"eventType":"com.oraclecloud.objectstorage.createbucket","source":"ObjectStorage",
         "eventID":"e-3","data":{"resourceName":"new-bucket",
         "additionalDetails":{"namespace":"ns","publicAccessType":"NoPublicAccess"}}}
        """;

    assertThat(OciObjectEvents.parse(event.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(OciEventParseResult.Ignored.class);
  }

  @Test
  void shouldIgnoreEventsOfOtherServices() {
    String event =
        """
        {"eventType":"com.oraclecloud.computeapi.launchinstance.end","source":"ComputeApi",
         "eventID":"e-4","data":{"resourceName":"vm-1"}}
        """;

    assertThat(OciObjectEvents.parse(event.getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(
            new OciEventParseResult.Ignored(
                "com.oraclecloud.computeapi.launchinstance.end", "not an Object Storage event"));
  }

  @Test
  void shouldKeepObjectNamesWithSlashesSpacesAndNonAsciiExactly() {
    String name = "reports/2025 Q1/Überblick – 报告 .pdf";

    ObjectChanged changed = accepted(objectEvent("createobject", name));

    assertThat(changed.objectName()).isEqualTo(name);
    assertThat(changed.objectPath()).isEqualTo("ns/bk/" + name);
  }

  @Test
  void shouldTakeMissingNamesFromTheResourceId() {
    String event =
        """
        {"eventType":"com.oraclecloud.objectstorage.createobject","eventID":"e-5",
         "data":{"resourceId":"/n/ns9/b/bucket-9/o/dir/file name.json"}}
        """;

    ObjectChanged changed = accepted(event);

    assertThat(changed.namespace()).isEqualTo("ns9");
    assertThat(changed.bucket()).isEqualTo("bucket-9");
    assertThat(changed.objectName()).isEqualTo("dir/file name.json");
  }

  @Test
  void shouldDeriveTheSameIdForTheSameEventWhenItHasNone() {
    String event =
        """
        {"eventType":"com.oraclecloud.objectstorage.createobject","eventTime":"2025-01-01T00:00:00Z",
         "data":{"resourceName":"x","additionalDetails":{"namespace":"n","bucketName":"b","eTag":"t"}}}
        """;

    assertThat(accepted(event).eventId()).isEqualTo(accepted(event).eventId()).isNotBlank();
  }

  @Test
  void shouldRejectEventsThatNameNoObject() {
    assertThat(reject("{\"eventType\":\"com.oraclecloud.objectstorage.createobject\",\"data\":{}}"))
        .contains("names no namespace");
    assertThat(
            reject(
                """
                {"eventType":"com.oraclecloud.objectstorage.createobject",
                 "data":{"additionalDetails":{"namespace":"n","bucketName":"b"}}}
                """))
        .contains("names no object");
    assertThat(reject("{\"eventType\":\"com.oraclecloud.objectstorage.deleteobject\"}"))
        .contains("no 'data' object");
  }

  @Test
  void shouldRejectWhatIsNotAnEvent() {
    assertThat(reject("not json")).contains("not valid JSON");
    assertThat(reject("[1,2]")).contains("must be a JSON object");
    assertThat(reject("{\"specversion\":\"1.0\",\"type\":\"x\"}")).contains("no 'eventType'");
    assertThat(reject("")).contains("empty");
  }

  @Test
  void shouldReadBackWhatItWrites() {
    ObjectChanged written =
        new ObjectChanged(
            "id-1",
            ObjectChange.UPDATED,
            Instant.parse("2025-06-01T12:00:00.123Z"),
            "local",
            "docs",
            "a/b c/ü.md",
            "etag-9",
            null,
            Map.of("k", "v"));

    assertThat(OciObjectEvents.parse(OciObjectEvents.toJson(written)))
        .isEqualTo(new OciEventParseResult.Accepted(written));
  }

  private static String objectEvent(String kind, String objectName) {
    return """
        {"eventType":"com.oraclecloud.objectstorage.%s","source":"objectstorage","eventID":"e",
         "data":{"resourceName":%s,
                 "additionalDetails":{"namespace":"ns","bucketName":"bk","eTag":"t1"}}}
        """
        .formatted(kind, quoted(objectName));
  }

  private static String quoted(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static ObjectChanged accepted(String json) {
    OciEventParseResult result = OciObjectEvents.parse(json.getBytes(StandardCharsets.UTF_8));
    assertThat(result).isInstanceOf(OciEventParseResult.Accepted.class);
    return ((OciEventParseResult.Accepted) result).event();
  }

  private static String reject(String json) {
    OciEventParseResult result = OciObjectEvents.parse(json.getBytes(StandardCharsets.UTF_8));
    assertThat(result).isInstanceOf(OciEventParseResult.Rejected.class);
    return ((OciEventParseResult.Rejected) result).reason();
  }
}
