package dev.eventsuite.oci;

import com.oracle.bmc.auth.BasicAuthenticationDetailsProvider;
import com.oracle.bmc.auth.ConfigFileAuthenticationDetailsProvider;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * An HTTP server standing in for an OCI API: it records every request the real OCI SDK sends and
 * answers as the test says. The SDK signs its requests with a config-file key made here.
 */
public final class OciApiStub implements AutoCloseable {

  /** A request as it arrived. */
  public record Request(
      String method,
      String rawPath,
      String rawQuery,
      Map<String, List<String>> headers,
      byte[] body) {

    public String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }
  }

  /** An answer. */
  public record Response(int status, Map<String, String> headers, byte[] body) {

    public static Response json(int status, String json) {
      return new Response(
          status,
          Map.of("Content-Type", "application/json"),
          json.getBytes(StandardCharsets.UTF_8));
    }
  }

  public static final String TENANCY = "ocid1.tenancy.oc1..stubtenancy";
  public static final String USER = "ocid1.user.oc1..stubuser";

  private final HttpServer server;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final Path configFolder;
  private final String fingerprint;

  public OciApiStub(Function<Request, Response> answer) throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> handle(exchange, answer));
    server.start();
    KeyPair keys = KeyPairGenerator.getInstance("RSA").generateKeyPair();
    byte[] publicKey = keys.getPublic().getEncoded();
    fingerprint = fingerprintOf(publicKey);
    configFolder = Files.createTempDirectory("oci-config-");
    Path key = configFolder.resolve("key.pem");
    Files.writeString(
        key,
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(keys.getPrivate().getEncoded())
            + "\n-----END PRIVATE KEY-----\n");
    Files.writeString(
        configFolder.resolve("config"),
        "[DEFAULT]\nuser="
            + USER
            + "\nfingerprint="
            + fingerprint
            + "\ntenancy="
            + TENANCY
            + "\nregion=us-ashburn-1\nkey_file="
            + key
            + "\n");
  }

  /** The address to point an SDK client's endpoint at. */
  public String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The OCI config file whose key signs the SDK's requests. */
  public Path configFile() {
    return configFolder.resolve("config");
  }

  public BasicAuthenticationDetailsProvider authentication() {
    try {
      return new ConfigFileAuthenticationDetailsProvider(configFile().toString(), "DEFAULT");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The key id every signature must name: tenancy/user/fingerprint. */
  public String keyId() {
    return TENANCY + "/" + USER + "/" + fingerprint;
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  private void handle(HttpExchange exchange, Function<Request, Response> answer)
      throws IOException {
    Request request =
        new Request(
            exchange.getRequestMethod(),
            exchange.getRequestURI().getRawPath(),
            exchange.getRequestURI().getRawQuery(),
            Map.copyOf(exchange.getRequestHeaders()),
            exchange.getRequestBody().readAllBytes());
    requests.add(request);
    Response response = answer.apply(request);
    response.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
    exchange.getResponseHeaders().add("opc-request-id", "stub-" + requests.size());
    boolean head = request.method().equals("HEAD");
    long length = head || response.body().length == 0 ? -1 : response.body().length;
    exchange.sendResponseHeaders(response.status(), length);
    if (!head && response.body().length > 0) {
      exchange.getResponseBody().write(response.body());
    }
    exchange.close();
  }

  private static String fingerprintOf(byte[] publicKey) throws Exception {
    String hex =
        HexFormat.ofDelimiter(":").formatHex(MessageDigest.getInstance("MD5").digest(publicKey));
    return hex;
  }

  @Override
  public void close() throws IOException {
    server.stop(0);
    try (var files = Files.list(configFolder)) {
      for (Path file : files.toList()) {
        Files.delete(file);
      }
    }
    Files.delete(configFolder);
  }
}
