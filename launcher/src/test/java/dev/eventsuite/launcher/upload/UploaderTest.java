package dev.eventsuite.launcher.upload;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The uploader's handling of answers the real service gives only under load or on bad input: busy
 * (503), too large (413 problem+json). The end-to-end tests upload to the real service.
 */
class UploaderTest {

  @TempDir Path dir;

  private HttpServer server;
  private final Map<String, AtomicInteger> putsByPath = new ConcurrentHashMap<>();
  private final Map<String, byte[]> stored = new ConcurrentHashMap<>();

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/api/v1/buckets/inbox/objects", this::handle);
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  @Test
  void shouldTryABusyServiceAgainAndReportARefusalWithItsReason() throws IOException {
    Files.writeString(dir.resolve("busy.csv"), "a,b\n1,2\n");
    Files.writeString(dir.resolve("huge.pdf"), "%PDF-1.7");
    Files.writeString(dir.resolve("fine.md"), "# fine");
    AtomicLong progressBytes = new AtomicLong();
    AtomicInteger filesDone = new AtomicInteger();

    UploadReport report =
        uploader().upload(UploadPlan.of(List.of(dir), ""), counting(progressBytes, filesDone));

    assertThat(report.sent())
        .extracting(UploadReport.Sent::objectName)
        .containsExactlyInAnyOrder("busy.csv", "fine.md");
    assertThat(report.failed())
        .containsExactly(
            new UploadReport.Failed("huge.pdf", "HTTP 413: the object is larger than 10 bytes"));
    assertThat(putsByPath.get("/api/v1/buckets/inbox/objects/busy.csv")).hasValue(2);
    assertThat(putsByPath.get("/api/v1/buckets/inbox/objects/huge.pdf")).hasValue(1);
    assertThat(
            new String(
                stored.get("/api/v1/buckets/inbox/objects/busy.csv"), StandardCharsets.UTF_8))
        .isEqualTo("a,b\n1,2\n");
    assertThat(filesDone).hasValue(3);
    assertThat(progressBytes).hasValue(8 + 8 + 6);
  }

  private Uploader uploader() {
    return new Uploader(
        new BucketClient("http://127.0.0.1:" + server.getAddress().getPort(), "key"),
        new Uploader.Options("inbox", 2, false, 3, Duration.ofMillis(10)));
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    if (exchange.getRequestMethod().equals("GET")) {
      respond(exchange, 200, "application/json", "{\"objects\":[],\"next\":null}");
      return;
    }
    byte[] body = exchange.getRequestBody().readAllBytes();
    int attempt = putsByPath.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
    if (path.endsWith("busy.csv") && attempt == 1) {
      respond(exchange, 503, "text/plain", "restarting");
    } else if (path.endsWith("huge.pdf")) {
      respond(
          exchange,
          413,
          "application/problem+json",
          "{\"status\":413,\"title\":\"Too large\",\"detail\":\"the object is larger than 10 bytes\"}");
    } else {
      stored.put(path, body);
      respond(exchange, 201, "application/json", "{}");
    }
  }

  private static void respond(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private static UploadProgress counting(AtomicLong bytes, AtomicInteger files) {
    return new UploadProgress() {
      @Override
      public void start(int fileCount, long byteCount) {}

      @Override
      public void bytes(long count) {
        bytes.addAndGet(count);
      }

      @Override
      public void fileDone(long remainingBytes) {
        bytes.addAndGet(remainingBytes);
        files.incrementAndGet();
      }

      @Override
      public void finish() {}
    };
  }
}
