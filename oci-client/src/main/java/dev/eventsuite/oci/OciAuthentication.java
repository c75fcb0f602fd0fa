package dev.eventsuite.oci;

import com.oracle.bmc.auth.BasicAuthenticationDetailsProvider;
import com.oracle.bmc.auth.ConfigFileAuthenticationDetailsProvider;
import com.oracle.bmc.auth.InstancePrincipalsAuthenticationDetailsProvider;
import com.oracle.bmc.auth.ResourcePrincipalAuthenticationDetailsProvider;
import com.oracle.bmc.auth.okeworkloadidentity.OkeWorkloadIdentityAuthenticationDetailsProvider;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Builds the OCI SDK's request signer from {@link OciConfig}. */
public final class OciAuthentication {

  /** The ways a service can authenticate to OCI. */
  public enum Kind {
    RESOURCE_PRINCIPAL,
    INSTANCE_PRINCIPAL,
    WORKLOAD_IDENTITY,
    CONFIG_FILE
  }

  private OciAuthentication() {}

  /**
   * The signer the configuration asks for; resolving principals may call OCI's metadata services.
   */
  public static BasicAuthenticationDetailsProvider provider(OciConfig config) {
    return switch (config.auth()) {
      case RESOURCE_PRINCIPAL -> ResourcePrincipalAuthenticationDetailsProvider.builder().build();
      case INSTANCE_PRINCIPAL -> InstancePrincipalsAuthenticationDetailsProvider.builder().build();
      case WORKLOAD_IDENTITY -> OkeWorkloadIdentityAuthenticationDetailsProvider.builder().build();
      case CONFIG_FILE -> configFile(config);
    };
  }

  private static BasicAuthenticationDetailsProvider configFile(OciConfig config) {
    try {
      return new ConfigFileAuthenticationDetailsProvider(
          config.configFilePath().toString(), config.profile());
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read the OCI config file "
              + config.configFilePath()
              + " (profile "
              + config.profile()
              + ")",
          e);
    }
  }
}
