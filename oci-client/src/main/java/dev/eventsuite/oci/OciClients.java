package dev.eventsuite.oci;

import com.oracle.bmc.common.RegionalClientBuilder;
import java.util.Optional;

/** Where the OCI SDK's clients send their requests. */
public final class OciClients {

  private OciClients() {}

  /**
   * Points a client builder at the endpoint when one is given (a private endpoint, a stand-in),
   * else at the region when one is configured; with neither, the client takes the authentication's
   * region. Given both, the SDK's builders would use the region and drop the endpoint without a
   * word.
   */
  public static <B extends RegionalClientBuilder<B, ?>> B located(
      B builder, Optional<String> region, Optional<String> endpoint) {
    if (endpoint.isPresent()) {
      return builder.endpoint(endpoint.get());
    }
    region.ifPresent(builder::region);
    return builder;
  }
}
