package dev.eventsuite.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Reads a service's Prometheus metrics. */
public final class Metrics {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private Metrics() {}

  /** The sum of every series of the metric (its name, optionally with the start of its labels). */
  public static double sum(String serviceUrl, String metric) {
    try {
      String text =
          HTTP.send(
                  HttpRequest.newBuilder(URI.create(serviceUrl + "/q/metrics")).build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      double sum = 0;
      for (String line : text.split("\n")) {
        if (line.startsWith(metric + " ") || line.startsWith(metric + "{")) {
          sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        }
      }
      return sum;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
