package dev.eventsuite.bench.cli;

import dev.eventsuite.bench.BenchCli;
import dev.eventsuite.bench.BenchSuite;
import dev.eventsuite.bench.HttpConnection;
import dev.eventsuite.bench.Percentiles;
import dev.eventsuite.bench.Report;
import dev.eventsuite.launcher.suite.Component;
import dev.eventsuite.launcher.suite.DataDir;
import dev.eventsuite.launcher.suite.RunningSuite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * How long {@code bin/suite search} takes from the shell's point of view, against the JVM started
 * as bin/suite started every command before: plain {@code java -cp launcher.jar:lib/*}, for each
 * Java given.
 */
@Command(
    name = "cli",
    mixinStandardHelpOptions = true,
    description = "bin/suite search's time a call, against a plain JVM start, per Java.")
public final class CliBenchmark implements Callable<Integer> {

  private static final String QUERY = "how do I deploy the suite to Oracle Cloud";
  private static final String SEARCH_CLASS = "dev.eventsuite.launcher.cli.SuiteCli";

  @Option(
      names = "--calls",
      defaultValue = "20",
      description = "Timed calls of each way, interleaved (default ${DEFAULT-VALUE}).")
  int calls;

  @Option(
      names = "--java",
      paramLabel = "JAVA_HOME",
      description = "A Java to measure; repeat for several (default: the one running this).")
  List<Path> javas = new ArrayList<>();

  @Option(
      names = "--report",
      defaultValue = "docs/benchmarks/cli.md",
      description = "Where the report goes (default ${DEFAULT-VALUE}).")
  Path reportFile;

  /** One Java's measurements, in nanoseconds per call. */
  record Timings(String java, long firstCall, long[] plain, long[] archived) {}

  @Override
  public Integer call() throws Exception {
    if (javas.isEmpty()) {
      javas.add(Path.of(System.getProperty("java.home")));
    }
    Path home = BenchCli.home();
    try (BenchSuite bench =
        new BenchSuite(
            home,
            List.of(Component.INGEST, Component.ENRICH, Component.EMBED, Component.SEARCH),
            1,
            System.out)) {
      RunningSuite suite = bench.suite();
      String url = suite.url(Component.SEARCH);
      int documents = upload(home, suite.dataDir());
      long serviceNanos = waitForResults(url, suite.apiKey());
      System.out.printf(
          "%d documents searchable; the service answers in %.1f ms%n",
          documents, serviceNanos / 1e6);
      List<String> args = List.of("search", "--url", url, "--api-key", suite.apiKey(), QUERY);
      List<Timings> timings = new ArrayList<>();
      for (Path java : javas) {
        timings.add(measure(home, java, args));
      }
      report(documents, serviceNanos, timings).write(reportFile);
    }
    System.out.println("report written to " + reportFile);
    return 0;
  }

  /** The checkout's own Markdown, dropped in the bucket as a user drops files. */
  private static int upload(Path home, DataDir data) throws IOException {
    Path inbox = data.buckets().resolve(DataDir.DEFAULT_BUCKET);
    Files.createDirectories(inbox);
    List<Path> files;
    try (Stream<Path> docs = Files.list(home.resolve("docs"))) {
      files =
          Stream.concat(Stream.of(home.resolve("README.md")), docs)
              .filter(f -> f.toString().endsWith(".md"))
              .toList();
    }
    for (Path file : files) {
      Files.copy(file, inbox.resolve(file.getFileName()));
    }
    return files.size();
  }

  /** Waits until the query finds something; answers the service's own time for it, warm. */
  private static long waitForResults(String url, String apiKey) throws Exception {
    HttpConnection.Call search =
        HttpConnection.Call.post(
            url + "/api/v1/search",
            Map.of("X-API-Key", apiKey, "Content-Type", "application/json"),
            "{\"query\":\"" + QUERY + "\",\"k\":10,\"mode\":\"hybrid\"}");
    try (HttpConnection http = new HttpConnection(URI.create(url))) {
      long deadline = System.nanoTime() + 180_000_000_000L;
      while (!http.send(search).text().contains("\"documentId\"")) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("no document became searchable in 180 s");
        }
        Thread.sleep(500);
      }
      long[] nanos = new long[20];
      for (int i = 0; i < nanos.length; i++) {
        long start = System.nanoTime();
        http.send(search);
        nanos[i] = System.nanoTime() - start;
      }
      return (long) (new Percentiles(nanos).millis(0.5) * 1e6);
    }
  }

  private Timings measure(Path home, Path javaHome, List<String> args) throws Exception {
    Path launcher = home.resolve("launcher/target");
    List<String> plain = new ArrayList<>();
    plain.add(javaHome.resolve("bin/java").toString());
    plain.add("-Dsuite.home=" + home);
    plain.add("-cp");
    plain.add(launcher.resolve("launcher.jar") + ":" + launcher.resolve("lib") + "/*");
    plain.add(SEARCH_CLASS);
    plain.addAll(args);
    List<String> script = new ArrayList<>();
    script.add(home.resolve("bin/suite").toString());
    script.addAll(args);

    deleteArchives(launcher.resolve("cds"));
    String expected = run(plain, javaHome).output(); // also brings the jars into the page cache
    Run first = run(script, javaHome);
    check(expected, first);
    long[] plainNanos = new long[calls];
    long[] archivedNanos = new long[calls];
    for (int i = 0; i < calls; i++) {
      Run a = run(plain, javaHome);
      Run b = run(script, javaHome);
      check(expected, a);
      check(expected, b);
      plainNanos[i] = a.nanos();
      archivedNanos[i] = b.nanos();
    }
    String version = javaVersion(javaHome);
    Timings timings = new Timings(version, first.nanos(), plainNanos, archivedNanos);
    System.out.printf(
        "Java %s: plain JVM %.0f ms, bin/suite %.0f ms (first call %.0f ms)%n",
        version,
        new Percentiles(plainNanos).millis(0.5),
        new Percentiles(archivedNanos).millis(0.5),
        first.nanos() / 1e6);
    return timings;
  }

  record Run(long nanos, String output) {}

  private static Run run(List<String> command, Path javaHome) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("JAVA_HOME", javaHome.toString());
    builder.environment().put("COLUMNS", "100");
    long start = System.nanoTime();
    Process process = builder.start();
    byte[] output = process.getInputStream().readAllBytes();
    int exit = process.waitFor();
    long nanos = System.nanoTime() - start;
    String text = new String(output, StandardCharsets.UTF_8);
    if (exit != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed: " + text);
    }
    return new Run(nanos, text);
  }

  private static void check(String expected, Run run) {
    if (!run.output().equals(expected)) {
      throw new IllegalStateException(
          "bin/suite search printed something else:\n"
              + run.output()
              + "\ninstead of\n"
              + expected);
    }
  }

  private static void deleteArchives(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return;
    }
    try (Stream<Path> archives = Files.list(folder)) {
      for (Path archive :
          archives.filter(f -> f.getFileName().toString().startsWith("search-")).toList()) {
        Files.delete(archive);
      }
    }
  }

  private static String javaVersion(Path javaHome) {
    try {
      return Files.readAllLines(javaHome.resolve("release")).stream()
          .filter(line -> line.startsWith("JAVA_VERSION="))
          .map(line -> line.substring(line.indexOf('=') + 1).replace("\"", ""))
          .findFirst()
          .orElse(javaHome.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Report report(int documents, long serviceNanos, List<Timings> timings) {
    Report report =
        new Report(
            "bin/suite search benchmark",
            "bin/bench cli --calls "
                + calls
                + javas.stream().map(j -> " --java " + j).reduce("", String::concat));
    report.paragraph(
        "A person runs `bin/suite search` many times in a row, and each call is a new JVM. The"
            + " local suite (ingest, enrich, embed and search-service) holds the "
            + documents
            + " Markdown files of this checkout; every call asks search-service the same question in"
            + " hybrid mode, which it answers in "
            + Percentiles.format(serviceNanos / 1e6, 1)
            + " ms (median of 20 calls from a warm client): the rest of a call is the JVM's.");
    report.paragraph(
        "**plain JVM** is the command as bin/suite started every command before: `java -cp"
            + " launcher.jar:lib/* ... search`, the default compilers and collector."
            + " **bin/suite** is the script as it is now: for search and status it adds"
            + " `-XX:TieredStopAtLevel=1 -XX:+UseSerialGC` and an application class-data-sharing"
            + " archive of the classes the command loads (`-XX:SharedArchiveFile`), which the"
            + " command's first call writes with `-XX:ArchiveClassesAtExit` (on Java 17 and"
            + " newer). Both run the same client, which takes the JDK's `HttpURLConnection` and a"
            + " plain Jackson mapper: `java.net.http`'s client, which loads TLS even for a plain-HTTP"
            + " address, and the suite's event mapper made each call about 0.9 s slower still (1.8 s"
            + " a call with the plain JVM at commit 242fed8, measured by hand on the same machine)."
            + " The two are measured interleaved, "
            + calls
            + " calls each, wall time from process start to exit, the output compared with the"
            + " plain JVM's each time.");
    List<List<String>> rows = new ArrayList<>();
    rows.add(
        List.of(
            "Java",
            "plain JVM: median",
            "max",
            "bin/suite: median",
            "max",
            "first call (writes the archive)",
            "plain / bin/suite"));
    for (Timings t : timings) {
      Percentiles plain = new Percentiles(t.plain());
      Percentiles archived = new Percentiles(t.archived());
      rows.add(
          List.of(
              t.java(),
              ms(plain.millis(0.5)),
              ms(plain.maxMillis()),
              "**" + ms(archived.millis(0.5)) + "**",
              ms(archived.maxMillis()),
              ms(t.firstCall() / 1e6),
              Percentiles.format(plain.millis(0.5) / archived.millis(0.5), 2) + "×"));
    }
    report.table(rows);
    report.paragraph(
        "What is left of a call: the JVM's own start (about 80 ms for an empty program here), and"
            + " picocli, whose classes are compiled for Java 5 and so cannot go into a class-data"
            + " archive (the JVM skips classes older than Java 6): building the command line costs"
            + " about 230 ms on every call.");
    return report;
  }

  private static String ms(double millis) {
    return Percentiles.format(millis, 0) + " ms";
  }
}
