package dev.eventsuite.testing;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a service's {@code /q/metrics} says about its stream loops. */
public final class StreamMetrics {

  private StreamMetrics() {}

  /**
   * How often the named loop failed and rewound to its last commit, in a Prometheus metrics text; 0
   * when it has not failed yet.
   */
  public static double failures(String metrics, String loop) {
    Matcher matcher =
        Pattern.compile(
                "suite_stream_failures_total\\{[^}]*loop=\""
                    + Pattern.quote(loop)
                    + "\"[^}]*\\} ([0-9.]+)")
            .matcher(metrics);
    return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
  }
}
