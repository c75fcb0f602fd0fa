package dev.eventsuite.ingest.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.oracle.bmc.objectstorage.ObjectStorageClient;
import dev.eventsuite.oci.OciApiStub;
import dev.eventsuite.oci.OciApiStub.Request;
import dev.eventsuite.oci.OciApiStub.Response;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The OCI Object Storage store, through the real OCI SDK, against a stub of the service's API. */
class OciObjectStoreTest {

  private static final String NAME = "reports/2025 Q1/Über.csv";
  private static final byte[] CONTENT = "0123456789".getBytes(StandardCharsets.US_ASCII);

  private OciApiStub stub;
  private ObjectStorageClient client;

  @AfterEach
  void stop() throws Exception {
    if (client != null) {
      client.close();
    }
    stub.close();
  }

  @Test
  void shouldReadAVersionInRangesPinnedWithIfMatchAndSigned() throws Exception {
    OciObjectStore store = storeAnswering(this::objectVersion1, 4);
    StoredObject object = store.head("inbox", NAME).orElseThrow();

    byte[] read;
    try (InputStream in = store.open(object)) {
      read = in.readAllBytes();
    }

    assertThat(read).isEqualTo(CONTENT);
    List<Request> gets = stub.requests().stream().filter(r -> r.method().equals("GET")).toList();
    assertThat(gets)
        .extracting(r -> r.header("range"))
        .containsExactly("bytes=0-3", "bytes=4-7", "bytes=8-9");
    assertThat(gets).extracting(r -> r.header("if-match")).containsOnly("etag-1");
    assertThat(gets)
        .allSatisfy(
            r -> {
              assertThat(URLDecoder.decode(r.rawPath(), StandardCharsets.UTF_8))
                  .isEqualTo("/n/ns1/b/inbox/o/" + NAME);
              assertThat(r.rawPath())
                  .as("the name's slashes and spaces are encoded")
                  .contains("reports%2F2025%20Q1%2F");
              assertThat(r.header("authorization"))
                  .startsWith("Signature ")
                  .contains("keyId=\"" + stub.keyId() + "\"");
            });
  }

  @Test
  void shouldTellAVersionReplacedMidRead() throws Exception {
    OciObjectStore store =
        storeAnswering(
            r ->
                r.method().equals("HEAD")
                    ? objectVersion1(r)
                    : Response.json(
                        412,
                        "{\"code\":\"IfMatchFailed\",\"message\":\"The If-Match header does not match\"}"),
            4);
    StoredObject object = store.head("inbox", NAME).orElseThrow();

    assertThatThrownBy(() -> store.open(object).readAllBytes())
        .isInstanceOf(ObjectStore.ObjectChangedException.class)
        .hasMessage("ns1/inbox/" + NAME + " is no longer version etag-1");
  }

  @Test
  void shouldReadAnObjectsVersionAndMetadata() throws Exception {
    OciObjectStore store = storeAnswering(this::objectVersion1, 4);

    StoredObject object = store.head("inbox", NAME).orElseThrow();

    assertThat(object.eTag()).isEqualTo("etag-1");
    assertThat(object.size()).isEqualTo(10);
    assertThat(object.contentType()).isEqualTo("text/csv");
    assertThat(object.userMetadata()).containsEntry("owner", "ops");
    assertThat(object.path()).isEqualTo("ns1/inbox/" + NAME);
  }

  @Test
  void shouldFindNoVersionOfAMissingObject() throws Exception {
    OciObjectStore store =
        storeAnswering(
            r -> Response.json(404, "{\"code\":\"ObjectNotFound\",\"message\":\"none\"}"), 4);

    assertThat(store.head("inbox", "missing.txt")).isEmpty();
  }

  @Test
  void shouldUploadWithLengthTypeAndUserMetadata() throws Exception {
    OciObjectStore store =
        storeAnswering(
            r ->
                r.method().equals("PUT")
                    ? new Response(200, Map.of("ETag", "etag-1"), new byte[0])
                    : objectVersion1(r),
            4);

    StoredObject stored =
        store.put(
            "inbox",
            NAME,
            new ByteArrayInputStream(CONTENT),
            CONTENT.length,
            "text/csv",
            Map.of("owner", "ops"));

    Request put =
        stub.requests().stream().filter(r -> r.method().equals("PUT")).findFirst().orElseThrow();
    assertThat(put.body()).isEqualTo(CONTENT);
    assertThat(put.header("content-length")).isEqualTo("10");
    assertThat(put.header("content-type")).isEqualTo("text/csv");
    assertThat(put.header("opc-meta-owner")).isEqualTo("ops");
    assertThat(stored.eTag()).isEqualTo("etag-1");
  }

  @Test
  void shouldListObjectsAfterAStartWithTheirVersions() throws Exception {
    OciObjectStore store =
        storeAnswering(
            r ->
                Response.json(
                    200,
                    """
        {"objects":[{"name":"a.csv","size":3,"etag":"e-a","timeModified":"2025-01-01T10:00:00.000Z"},
                    {"name":"b.csv","size":4,"etag":"e-b","timeModified":"2025-01-01T11:00:00.000Z"}]}
        """),
            4);

    List<StoredObject> listed = store.list("inbox", "", "a.csv", 10);

    assertThat(listed).extracting(StoredObject::name).containsExactly("b.csv");
    Request list = stub.requests().get(0);
    assertThat(list.rawPath()).isEqualTo("/n/ns1/b/inbox/o");
    assertThat(Arrays.asList(list.rawQuery().split("&")))
        .contains("start=a.csv", "limit=10", "fields=name%2Csize%2Cetag%2CtimeModified");
  }

  private Response objectVersion1(Request request) {
    if (request.method().equals("HEAD")) {
      return new Response(
          200,
          Map.of(
              "ETag",
              "etag-1",
              "Content-Length",
              "10",
              "Content-Type",
              "text/csv",
              "Last-Modified",
              "Wed, 01 Jan 2025 10:00:00 GMT",
              "opc-meta-owner",
              "ops"),
          new byte[0]);
    }
    String range = request.header("range").substring("bytes=".length());
    int first = Integer.parseInt(range.substring(0, range.indexOf('-')));
    int last = Integer.parseInt(range.substring(range.indexOf('-') + 1));
    return new Response(
        206,
        Map.of(
            "ETag",
            "etag-1",
            "Content-Range",
            "bytes " + first + "-" + last + "/10",
            "Content-Type",
            "application/octet-stream"),
        Arrays.copyOfRange(CONTENT, first, last + 1));
  }

  private OciObjectStore storeAnswering(
      java.util.function.Function<Request, Response> answer, long chunk) throws Exception {
    stub = new OciApiStub(answer);
    client =
        ObjectStorageClient.builder()
            .isStreamWarningEnabled(false)
            .endpoint(stub.endpoint())
            .build(stub.authentication());
    return new OciObjectStore(client, "ns1", chunk);
  }
}
