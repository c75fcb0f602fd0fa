package dev.eventsuite.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * One kept-alive HTTP/1.1 connection that sends a request and reads its answer on the calling
 * thread. A load generator sharing the cores with the service it measures must cost little: this
 * one does no more than write the request and read the answer (fixed-length or chunked).
 */
public final class HttpConnection implements Closeable {

  /** A request: method, URL, headers and body (empty for none). */
  public record Call(String method, URI uri, Map<String, String> headers, byte[] body) {

    public static Call get(String url, Map<String, String> headers) {
      return new Call("GET", URI.create(url), headers, new byte[0]);
    }

    public static Call post(String url, Map<String, String> headers, String body) {
      return new Call("POST", URI.create(url), headers, body.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** An answer: status and body. */
  public record Answer(int status, byte[] body) {

    /** The body as UTF-8 text. */
    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private static final int MAX_LINE = 8192;

  private final URI origin;
  private Socket socket;
  private InputStream in;
  private OutputStream out;

  public HttpConnection(URI origin) {
    this.origin = origin;
  }

  /**
   * Sends the call and reads its answer. A kept connection the server has closed meanwhile is
   * opened again and the call sent once more (the load generator sends only idempotent calls).
   */
  public Answer send(Call call) throws IOException {
    if (!call.uri().getHost().equals(origin.getHost())
        || call.uri().getPort() != origin.getPort()) {
      throw new IllegalArgumentException(call.uri() + " is not on " + origin);
    }
    boolean reused = socket != null;
    try {
      return exchange(call);
    } catch (IOException e) {
      close();
      if (!reused) {
        throw e;
      }
      return exchange(call);
    }
  }

  private Answer exchange(Call call) throws IOException {
    if (socket == null) {
      connect();
    }
    out.write(head(call));
    out.write(call.body());
    out.flush();
    return read();
  }

  private void connect() throws IOException {
    socket = new Socket();
    socket.setTcpNoDelay(true);
    socket.connect(new InetSocketAddress(origin.getHost(), origin.getPort()));
    in = new BufferedInputStream(socket.getInputStream());
    out = socket.getOutputStream();
  }

  private byte[] head(Call call) {
    String target = call.uri().getRawPath();
    if (call.uri().getRawQuery() != null) {
      target += "?" + call.uri().getRawQuery();
    }
    StringBuilder head =
        new StringBuilder(call.method())
            .append(' ')
            .append(target)
            .append(" HTTP/1.1\r\nHost: ")
            .append(origin.getHost())
            .append(':')
            .append(origin.getPort())
            .append("\r\n");
    call.headers()
        .forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
    if (call.body().length > 0) {
      head.append("Content-Length: ").append(call.body().length).append("\r\n");
    }
    return head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  private Answer read() throws IOException {
    String status = line();
    if (!status.startsWith("HTTP/1.1 ") || status.length() < 12) {
      throw new IOException("not an HTTP/1.1 answer: " + status);
    }
    int code = Integer.parseInt(status.substring(9, 12));
    long length = -1;
    boolean chunked = false;
    boolean close = false;
    for (String header = line(); !header.isEmpty(); header = line()) {
      int colon = header.indexOf(':');
      String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = header.substring(colon + 1).trim();
      switch (name) {
        case "content-length" -> length = Long.parseLong(value);
        case "transfer-encoding" -> chunked = value.equalsIgnoreCase("chunked");
        case "connection" -> close = value.equalsIgnoreCase("close");
        default -> {}
      }
    }
    byte[] body = chunked ? chunkedBody() : in.readNBytes((int) Math.max(length, 0));
    if (close) {
      close();
    }
    return new Answer(code, body);
  }

  private byte[] chunkedBody() throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (int size = chunkSize(); size > 0; size = chunkSize()) {
      body.write(in.readNBytes(size));
      line();
    }
    skipTrailers();
    return body.toByteArray();
  }

  /** Reads up to the blank line that ends a chunked body: trailers carry nothing needed here. */
  private void skipTrailers() throws IOException {
    String trailer;
    do {
      trailer = line();
    } while (!trailer.isEmpty());
  }

  private int chunkSize() throws IOException {
    String size = line();
    int extension = size.indexOf(';');
    return Integer.parseInt(extension < 0 ? size : size.substring(0, extension), 16);
  }

  /** A line of the head, without its CRLF. */
  private String line() throws IOException {
    StringBuilder line = new StringBuilder();
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        throw new IOException("the server closed the connection mid-answer");
      }
      if (line.length() == MAX_LINE) {
        throw new IOException("a line of the answer exceeds " + MAX_LINE + " bytes");
      }
      if (c != '\r') {
        line.append((char) c);
      }
    }
    return line.toString();
  }

  @Override
  public void close() throws IOException {
    if (socket != null) {
      socket.close();
      socket = null;
    }
  }
}
