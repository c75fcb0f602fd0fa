package dev.eventsuite.launcher.cli;

import com.oracle.bmc.auth.BasicAuthenticationDetailsProvider;
import dev.eventsuite.launcher.oci.OciApis;
import dev.eventsuite.launcher.suite.SuiteException;
import dev.eventsuite.oci.OciAuthentication;
import dev.eventsuite.oci.OciConfig;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Option;

/** How an operator command reaches OCI's APIs: the same authentication the services use. */
final class OciOptions {

  @Option(
      names = "--auth",
      paramLabel = "KIND",
      defaultValue = "config-file",
      description =
          "config-file (default), instance-principal, resource-principal or workload-identity.")
  String auth;

  @Option(
      names = "--config-file",
      paramLabel = "FILE",
      defaultValue = "~/.oci/config",
      description = "The OCI config file (default ${DEFAULT-VALUE}).")
  String configFile;

  @Option(
      names = "--profile",
      paramLabel = "NAME",
      defaultValue = "DEFAULT",
      description = "The config file's profile (default ${DEFAULT-VALUE}).")
  String profile;

  @Option(
      names = "--region",
      paramLabel = "REGION",
      description = "The region, e.g. eu-frankfurt-1 (default: the profile's, or the outputs').")
  String region;

  @Option(
      names = "--oci-endpoint",
      paramLabel = "URL",
      description = "One endpoint for every OCI API called, instead of the region's.")
  String endpoint;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      defaultValue = "PT15S",
      description = "How long one call may take, ISO-8601 (default 15 s).")
  Duration timeout;

  OciApis apis(Optional<String> defaultRegion) {
    return new OciApis(
        authentication(),
        Optional.ofNullable(region).or(() -> defaultRegion),
        Optional.ofNullable(endpoint),
        timeout);
  }

  private BasicAuthenticationDetailsProvider authentication() {
    OciAuthentication.Kind kind;
    try {
      kind = OciAuthentication.Kind.valueOf(auth.toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw new SuiteException(
          "--auth must be config-file, instance-principal, resource-principal or"
              + " workload-identity, not "
              + auth);
    }
    try {
      return provider(kind);
    } catch (RuntimeException e) {
      throw new SuiteException("cannot authenticate to OCI (" + auth + "): " + e.getMessage());
    }
  }

  private BasicAuthenticationDetailsProvider provider(OciAuthentication.Kind kind) {
    return OciAuthentication.provider(
        new OciConfig() {
          @Override
          public OciAuthentication.Kind auth() {
            return kind;
          }

          @Override
          public String configFile() {
            return configFile;
          }

          @Override
          public String profile() {
            return profile;
          }

          @Override
          public Optional<String> region() {
            return Optional.ofNullable(region);
          }
        });
  }
}
