package dev.eventsuite.launcher.cli;

import dev.eventsuite.launcher.suite.Component;
import dev.eventsuite.launcher.suite.RunRecord;
import dev.eventsuite.launcher.suite.SuiteException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Where a command finds a service and the key it sends: the local suite's by default, read from the
 * data folder, or any deployment's given as {@code --url} and {@code --api-key}.
 */
final class ServiceAddress {

  @Mixin DataOption data;

  @Option(
      names = "--url",
      paramLabel = "URL",
      description = "The service's base URL (default: the local suite's, from the data folder).")
  String url;

  @Option(
      names = "--api-key",
      paramLabel = "KEY",
      description =
          "The API key (default: $SUITE_API_KEY, else the local suite's key in the data folder).")
  String apiKey;

  String url(Component service) {
    if (url != null) {
      return url;
    }
    return RunRecord.read(data.dataDir(), service)
        .filter(record -> record.process().isPresent())
        .map(RunRecord::url)
        .orElseThrow(
            () ->
                new SuiteException(
                    service.id()
                        + " is not running from "
                        + data.dataDir().root()
                        + "; start the suite with 'bin/suite up' or give its address with --url"));
  }

  String apiKey() {
    return apiKey != null ? apiKey : data.dataDir().apiKey();
  }
}
