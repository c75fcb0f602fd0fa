package dev.eventsuite.launcher.faults;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A webhook receiver for the suite's alerts, as a chat service's incoming webhook is: it keeps the
 * body of every alert it accepts and answers 503 to those a test tells it to refuse.
 */
public final class WebhookInbox implements AutoCloseable {

  private final HttpServer server;
  private final List<String> accepted = new CopyOnWriteArrayList<>();
  private final List<String> refusedBodies = new CopyOnWriteArrayList<>();
  private final Set<String> refusing = ConcurrentHashMap.newKeySet();

  public WebhookInbox() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/alerts",
        exchange -> {
          String body;
          try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
          }
          boolean refuse = refusing.stream().anyMatch(body::contains);
          (refuse ? refusedBodies : accepted).add(body);
          exchange.sendResponseHeaders(refuse ? 503 : 204, -1);
          exchange.close();
        });
    server.start();
  }

  public URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/alerts");
  }

  /** Refuses the alerts whose body contains this text until {@link #accept} is called. */
  public void refuse(String text) {
    refusing.add(text);
  }

  public void accept(String text) {
    refusing.remove(text);
  }

  /** The accepted alerts whose body contains this text. */
  public List<String> accepted(String text) {
    return accepted.stream().filter(body -> body.contains(text)).toList();
  }

  /** The refused tries whose body contains this text. */
  public List<String> refused(String text) {
    return refusedBodies.stream().filter(body -> body.contains(text)).toList();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
