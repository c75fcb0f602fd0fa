package dev.eventsuite.launcher.upload;

import com.fasterxml.jackson.databind.JsonNode;
import dev.eventsuite.events.EventJson;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Flow;
import java.util.function.LongConsumer;

/** The ingest-service's bucket API: lists a bucket and uploads files into it, streaming. */
public final class BucketClient {

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  private static final int PAGE_SIZE = 1000;

  private final HttpClient http;
  private final String baseUrl;
  private final String apiKey;

  /**
   * @param baseUrl the ingest-service, e.g. {@code http://localhost:8081}
   * @param apiKey sent as {@code X-API-Key}
   */
  public BucketClient(String baseUrl, String apiKey) {
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.apiKey = apiKey;
  }

  /** The version (eTag) and size of an object already in a bucket. */
  public record Listed(String eTag, long size) {}

  /** Every object of a bucket whose name starts with the prefix, by name. */
  public Map<String, Listed> list(String bucket, String prefix) throws IOException {
    Map<String, Listed> objects = new HashMap<>();
    String start = null;
    do {
      StringBuilder uri =
          new StringBuilder(bucketUri(bucket)).append("/objects?limit=").append(PAGE_SIZE);
      if (!prefix.isEmpty()) {
        uri.append("&prefix=").append(query(prefix));
      }
      if (start != null) {
        uri.append("&start=").append(query(start));
      }
      HttpResponse<byte[]> response = send(request(uri.toString()).GET().build());
      if (response.statusCode() != 200) {
        throw new IOException(
            "listing bucket '" + bucket + "' failed: " + UploadFailure.describe(response));
      }
      JsonNode page = EventJson.tree(response.body());
      for (JsonNode object : page.path("objects")) {
        objects.put(
            object.path("name").asText(),
            new Listed(object.path("eTag").asText(), object.path("size").asLong()));
      }
      start = page.path("next").isTextual() ? page.path("next").asText() : null;
    } while (start != null);
    return objects;
  }

  /**
   * Uploads a file as an object, streaming it from disk with its length known up front.
   *
   * @param sent told of every chunk of bytes as it goes out
   * @return the response; 200 or 201 when stored
   */
  public HttpResponse<byte[]> put(
      String bucket, String objectName, Path file, String contentType, LongConsumer sent)
      throws IOException {
    HttpRequest.BodyPublisher body = counting(HttpRequest.BodyPublishers.ofFile(file), sent);
    HttpRequest request =
        request(bucketUri(bucket) + "/objects/" + path(objectName))
            .header("Content-Type", contentType)
            .PUT(body)
            .build();
    return send(request);
  }

  private HttpRequest.Builder request(String uri) {
    return HttpRequest.newBuilder(URI.create(uri))
        .header("X-API-Key", apiKey)
        .header("Accept", "application/json");
  }

  private HttpResponse<byte[]> send(HttpRequest request) throws IOException {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  private String bucketUri(String bucket) {
    return baseUrl + "/api/v1/buckets/" + path(bucket);
  }

  /** An object name as a URL path: each segment percent-encoded, the '/' between them kept. */
  static String path(String name) {
    StringBuilder encoded = new StringBuilder();
    for (String segment : name.split("/", -1)) {
      if (!encoded.isEmpty()) {
        encoded.append('/');
      }
      encoded.append(query(segment));
    }
    return encoded.toString();
  }

  /** Percent-encoding with a space as {@code %20}, valid in a path segment and a query value. */
  private static String query(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** The body as given, reporting the size of every buffer it hands to the connection. */
  private static HttpRequest.BodyPublisher counting(
      HttpRequest.BodyPublisher body, LongConsumer sent) {
    return HttpRequest.BodyPublishers.fromPublisher(
        subscriber ->
            body.subscribe(
                new Flow.Subscriber<ByteBuffer>() {
                  @Override
                  public void onSubscribe(Flow.Subscription subscription) {
                    subscriber.onSubscribe(subscription);
                  }

                  @Override
                  public void onNext(ByteBuffer item) {
                    sent.accept(item.remaining());
                    subscriber.onNext(item);
                  }

                  @Override
                  public void onError(Throwable throwable) {
                    subscriber.onError(throwable);
                  }

                  @Override
                  public void onComplete() {
                    subscriber.onComplete();
                  }
                }),
        body.contentLength());
  }
}
