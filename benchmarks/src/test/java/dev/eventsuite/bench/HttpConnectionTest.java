package dev.eventsuite.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
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
  private HttpConnection connection;
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
    connection = new HttpConnection(URI.create(base));
  }

  @AfterEach
  void stop() throws IOException {
    connection.close();
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
    HttpConnection.Answer answer =
        connection.send(
            HttpConnection.Call.post(base + "/echo?q=a%20b", Map.of("X-API-Key", "k1"), "{}"));

    assertThat(answer.status()).isEqualTo(201);
    assertThat(answer.text()).isEqualTo("POST /echo?q=a%20b key=k1 body={}");
  }

  @Test
  void shouldReadAChunkedAnswer() throws IOException {
    HttpConnection.Answer answer =
        connection.send(HttpConnection.Call.get(base + "/chunked", Map.of()));

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.text()).isEqualTo("a body of unknown length");
  }

  @Test
  void shouldKeepOneConnectionForManyCalls() throws IOException {
    for (int i = 0; i < 5; i++) {
      assertThat(connection.send(HttpConnection.Call.get(base + "/echo", Map.of())).status())
          .isEqualTo(201);
    }

    assertThat(clientPorts).hasSize(1);
  }

  @Test
  void shouldConnectAgainAfterTheServerAnnouncedItCloses() throws IOException {
    assertThat(connection.send(HttpConnection.Call.get(base + "/closing", Map.of())).status())
        .isEqualTo(503);
    HttpConnection.Answer next =
        connection.send(HttpConnection.Call.get(base + "/echo", Map.of("X-API-Key", "k2")));

    assertThat(next.status()).isEqualTo(201);
    assertThat(next.text()).isEqualTo("GET /echo key=k2 body=");
    assertThat(clientPorts).hasSize(2);
  }

  /**
   * A server that drops each connection after one answer without saying so, as an idle timeout
   * does: the kept connection fails on its next call, which is sent again on a new one.
   */
  @Test
  void shouldSendTheCallAgainWhenAKeptConnectionWasDropped() throws Exception {
    try (ServerSocket dropping = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread serving = new Thread(() -> answerOnceAndDrop(dropping));
      serving.setDaemon(true);
      serving.start();
      String url = "http://127.0.0.1:" + dropping.getLocalPort() + "/";
      try (HttpConnection kept = new HttpConnection(URI.create(url))) {
        assertThat(kept.send(HttpConnection.Call.get(url, Map.of())).text()).isEqualTo("ok 1");
        assertThat(kept.send(HttpConnection.Call.get(url, Map.of())).text()).isEqualTo("ok 2");
      }
    }
  }

  private static void answerOnceAndDrop(ServerSocket server) {
    for (int count = 1; !server.isClosed(); count++) {
      try (Socket socket = server.accept()) {
        InputStream in = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        while (head.indexOf("\r\n\r\n") < 0) {
          int c = in.read();
          if (c < 0) {
            return;
          }
          head.append((char) c);
        }
        String body = "ok " + count;
        socket
            .getOutputStream()
            .write(
                ("HTTP/1.1 200 OK\r\nContent-Length: " + body.length() + "\r\n\r\n" + body)
                    .getBytes(StandardCharsets.US_ASCII));
      } catch (IOException closed) {
        return;
      }
    }
  }
}
