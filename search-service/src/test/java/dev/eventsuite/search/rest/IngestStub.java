package dev.eventsuite.search.rest;

import dev.eventsuite.oci.OciApiStub;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * ingest-service's bucket API as the page sees it: answers CORS preflights for the page's origin,
 * accepts uploads and deletions, and hands back a picture for every object, recording every
 * request.
 */
public class IngestStub implements QuarkusTestResourceLifecycleManager {

  /** Every object the page asks for: a 48 × 32 picture. */
  static final byte[] PNG = png(48, 32);

  static volatile OciApiStub stub;

  @Override
  public Map<String, String> start() {
    try {
      stub = new OciApiStub(IngestStub::answer);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return Map.of("suite.search.ingest-url", stub.endpoint());
  }

  private static OciApiStub.Response answer(OciApiStub.Request request) {
    String origin = request.header("Origin") != null ? request.header("Origin") : "*";
    Map<String, String> cors =
        Map.of(
            "Access-Control-Allow-Origin", origin,
            "Access-Control-Allow-Methods", "PUT, GET, DELETE",
            "Access-Control-Allow-Headers", "X-API-Key, Content-Type",
            "Content-Type", "application/json");
    if (request.method().equals("OPTIONS") || request.method().equals("DELETE")) {
      return new OciApiStub.Response(204, cors, new byte[0]);
    }
    if (request.method().equals("GET")) {
      Map<String, String> headers = new HashMap<>(cors);
      headers.put("Content-Type", "image/png");
      return new OciApiStub.Response(200, headers, PNG);
    }
    return new OciApiStub.Response(200, cors, "{\"eTag\":\"e1\"}".getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] png(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    for (int x = 0; x < width; x++) {
      for (int y = 0; y < height; y++) {
        image.setRGB(x, y, y < height / 2 ? 0x4f8fd0 : 0x1d4f7a);
      }
    }
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(image, "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void stop() {
    try {
      stub.close();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
