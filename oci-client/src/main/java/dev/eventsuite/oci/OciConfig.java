package dev.eventsuite.oci;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.Optional;

/** How a service reaches OCI APIs. */
@ConfigMapping(prefix = "suite.oci")
public interface OciConfig {

  /**
   * How requests are signed: {@code resource-principal} (Functions, Container Instances), {@code
   * instance-principal} (compute instances, OKE nodes), {@code workload-identity} (OKE pods of an
   * enhanced cluster) or {@code config-file} (a user's API key, e.g. on a laptop).
   */
  @WithDefault("config-file")
  OciAuthentication.Kind auth();

  /** The OCI config file for {@code config-file} authentication. */
  @WithDefault("~/.oci/config")
  String configFile();

  /** The profile of the config file. */
  @WithDefault("DEFAULT")
  String profile();

  /** The region, e.g. {@code eu-frankfurt-1}; by default the authentication's own region. */
  Optional<String> region();

  /** The config file with {@code ~} expanded. */
  default Path configFilePath() {
    String file = configFile();
    return Path.of(
        file.startsWith("~/") ? System.getProperty("user.home") + file.substring(1) : file);
  }
}
