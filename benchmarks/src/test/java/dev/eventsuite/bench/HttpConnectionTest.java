package dev.eventsuite.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpConnectionTest {

  private HttpServer server;
  private String base;
  private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/echo", this::echo);
    server.createContext(
        "/chunked", exchange -> answer(exchange, 200, 0, "a body of unknown length"));
    server.createContext("/closing", this::closing);
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  /** Answers with the method, the key header and the body it received, at a fixed length. */
  private void echo(HttpExchange exchange) throws IOException {
    clientPorts.add(exchange.getRemoteAddress().getPort());
    String received =
        exchange.getRequestMethod()
            + " "
            + exchange.getRequestURI()
            + " key="
            + exchange.getRequestHeaders().getFirst("X-API-Key")
            + " body="
            + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    answer(exchange, 201, received.getBytes(StandardCharsets.UTF_8).length, received);
  }

  private void closing(HttpExchange exchange) throws IOException {
    clientPorts.add(exchange.getRemoteAddress().getPort());
    exchange.getResponseHeaders().add("Connection", "close");
    answer(exchange, 503, 4, "gone");
  }

  private static void answer(HttpExchange exchange, int status, long length, String body)
      throws IOException {
    exchange.sendResponseHeaders(status, length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body.getBytes(StandardCharsets.UTF_8));
    }
  }

  @Test
  void shouldSendHeadersAndBodyAndReadAFixedLengthAnswer() throws IOException {
    try (HttpConnection connection = new HttpConnection(URI.create(base))) {
      HttpConnection.Answer answer =
          connection.send(
              HttpConnection.Call.post(base + "/echo?q=a%20b", Map.of("X-API-Key", "k1"), "{}"));

      assertThat(answer.status()).isEqualTo(201);
      assertThat(new String(answer.body(), StandardCharsets.UTF_8))
          .isEqualTo("POST /echo?q=a%20b key=k1 body={}");
    }
  }

  @Test
  void shouldReadAChunkedAnswer() throws IOException {
    try (HttpConnection connection = new HttpConnection(URI.create(base))) {
      HttpConnection.Answer answer =
          connection.send(HttpConnection.Call.get(base + "/chunked", Map.of()));

      assertThat(answer.status()).isEqualTo(200);
      assertThat(new String(answer.body(), StandardCharsets.UTF_8))
          .isEqualTo("a body of unknown length");
    }
  }

  @Test
  void shouldKeepOneConnectionForManyCalls() throws IOException {
    try (HttpConnection connection = new HttpConnection(URI.create(base))) {
      for (int i = 0; i < 5; i++) {
        assertThat(connection.send(HttpConnection.Call.get(base + "/echo", Map.of())).status())
            .isEqualTo(201);
      }
    }

    assertThat(clientPorts).hasSize(1);
  }

  @Test
  void shouldConnectAgainAfterTheServerClosedTheConnection() throws IOException {
    try (HttpConnection connection = new HttpConnection(URI.create(base))) {
      assertThat(connection.send(HttpConnection.Call.get(base + "/closing", Map.of())).status())
          .isEqualTo(503);
      HttpConnection.Answer next =
          connection.send(HttpConnection.Call.get(base + "/echo", Map.of("X-API-Key", "k2")));

      assertThat(next.status()).isEqualTo(201);
      assertThat(new String(next.body(), StandardCharsets.UTF_8))
          .isEqualTo("GET /echo key=k2 body=");
    }

    assertThat(clientPorts).hasSize(2);
  }
}
