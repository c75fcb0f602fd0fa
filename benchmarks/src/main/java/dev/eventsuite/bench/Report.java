package dev.eventsuite.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/** A benchmark report in Markdown: what ran, on what machine, and what it measured. */
public final class Report {

  private final StringBuilder text = new StringBuilder();

  public Report(String title, String command) {
    text.append("# ").append(title).append("\n\n");
    text.append("Measured ")
        .append(LocalDate.now())
        .append(" with `")
        .append(command)
        .append("`.\n\n");
    text.append("Machine: ").append(machine()).append(".\n\n");
  }

  public Report paragraph(String paragraph) {
    text.append(paragraph).append("\n\n");
    return this;
  }

  public Report heading(String heading) {
    text.append("## ").append(heading).append("\n\n");
    return this;
  }

  /** A table; the first row is the header. */
  public Report table(List<List<String>> rows) {
    for (int i = 0; i < rows.size(); i++) {
      text.append("| ").append(String.join(" | ", rows.get(i))).append(" |\n");
      if (i == 0) {
        text.append("|").append("---|".repeat(rows.get(0).size())).append("\n");
      }
    }
    text.append("\n");
    return this;
  }

  public void write(Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, text.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  @Override
  public String toString() {
    return text.toString();
  }

  private static String machine() {
    String cpu = "unknown CPU";
    try {
      cpu =
          Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
              .filter(l -> l.startsWith("model name"))
              .map(l -> l.substring(l.indexOf(':') + 1).trim())
              .findFirst()
              .orElse(cpu);
    } catch (IOException e) {
      // not Linux: the JVM's view below still says enough
    }
    long memory =
        ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize()
            >> 30;
    return cpu
        + ", "
        + Runtime.getRuntime().availableProcessors()
        + " cores, "
        + memory
        + " GiB, Java "
        + System.getProperty("java.version");
  }
}
