package dev.eventsuite.launcher.cli;

import dev.eventsuite.launcher.suite.Component;
import dev.eventsuite.launcher.suite.DataDir;
import dev.eventsuite.launcher.suite.SuiteException;
import dev.eventsuite.launcher.upload.BucketClient;
import dev.eventsuite.launcher.upload.UploadPlan;
import dev.eventsuite.launcher.upload.UploadReport;
import dev.eventsuite.launcher.upload.Uploader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "upload",
    mixinStandardHelpOptions = true,
    description = {
      "Uploads files and folders into a bucket through the ingest-service, which then ingests them.",
      "A file keeps its name; a folder's files are named by their path inside it. Hidden files are"
          + " left out, and files the bucket already holds unchanged are skipped.",
      "Exits 0 when every file was stored or skipped, 1 when any failed."
    })
final class UploadCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin ServiceAddress service;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files and folders to upload.")
  List<Path> paths;

  @Option(
      names = "--bucket",
      defaultValue = DataDir.DEFAULT_BUCKET,
      description = "The bucket (default ${DEFAULT-VALUE}).")
  String bucket;

  @Option(
      names = "--prefix",
      defaultValue = "",
      description = "Put before every object name, e.g. --prefix reports/2025/.")
  String prefix;

  @Option(
      names = "--parallel",
      defaultValue = "4",
      description = "Files sent at once (default ${DEFAULT-VALUE}).")
  int parallel;

  @Option(names = "--force", description = "Send every file, even those the bucket already holds.")
  boolean force;

  @Override
  public Integer call() throws IOException {
    UploadPlan plan;
    try {
      plan = UploadPlan.of(paths, prefix);
    } catch (IllegalArgumentException e) {
      throw new SuiteException(e.getMessage());
    }
    String url = service.url(Component.INGEST);
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        "Uploading %d files (%s) to bucket '%s' at %s%n",
        plan.files().size(), Sizes.human(plan.totalBytes()), bucket, url);
    out.flush();
    Uploader uploader =
        new Uploader(
            new BucketClient(url, service.apiKey()),
            new Uploader.Options(bucket, parallel, force, 3, Duration.ofSeconds(1)));
    UploadReport report;
    try {
      report =
          uploader.upload(
              plan, new ProgressBar(spec.commandLine().getErr(), System.console() != null));
    } catch (IOException e) {
      throw new SuiteException(e.getMessage());
    }
    printSummary(out, report);
    return report.succeeded() ? 0 : 1;
  }

  private static void printSummary(PrintWriter out, UploadReport report) {
    out.printf(
        "%nsent     %d (%s, %d new, %d replaced)%n",
        report.sent().size(),
        Sizes.human(report.sentBytes()),
        report.sent().stream().filter(UploadReport.Sent::created).count(),
        report.sent().stream().filter(s -> !s.created()).count());
    out.printf(
        "skipped  %d (%d unchanged, %d hidden)%n",
        report.unchanged().size() + report.hidden().size(),
        report.unchanged().size(),
        report.hidden().size());
    out.printf("failed   %d%n", report.failed().size());
    for (UploadReport.Failed failed : report.failed()) {
      out.printf("  %s: %s%n", failed.objectName(), failed.reason());
    }
    out.flush();
  }
}
