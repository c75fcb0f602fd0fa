package dev.eventsuite.launcher.upload;

import com.fasterxml.jackson.databind.JsonNode;
import dev.eventsuite.events.EventJson;
import dev.eventsuite.events.InvalidEventException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** Turns a refused request into the reason a person reads in the upload summary. */
final class UploadFailure {

  private UploadFailure() {}

  /**
   * The status and the service's own words: the problem's detail when the body is problem+json,
   * else the start of the body.
   */
  static String describe(HttpResponse<byte[]> response) {
    String detail = "";
    byte[] body = response.body();
    if (body != null && body.length > 0) {
      try {
        JsonNode problem = EventJson.tree(body);
        detail = problem.path("detail").asText(problem.path("title").asText(""));
      } catch (InvalidEventException notJson) {
        detail = new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8).strip();
      }
    }
    return "HTTP " + response.statusCode() + (detail.isEmpty() ? "" : ": " + detail);
  }

  /** Whether trying the same request again may succeed: the service was busy or restarting. */
  static boolean isTransient(int status) {
    return status == 429 || status == 502 || status == 503 || status == 504;
  }
}
