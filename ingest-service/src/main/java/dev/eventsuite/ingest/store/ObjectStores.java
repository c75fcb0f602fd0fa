package dev.eventsuite.ingest.store;

import com.oracle.bmc.objectstorage.ObjectStorage;
import com.oracle.bmc.objectstorage.ObjectStorageClient;
import com.oracle.bmc.objectstorage.requests.GetNamespaceRequest;
import dev.eventsuite.ingest.config.IngestConfig;
import dev.eventsuite.oci.OciAuthentication;
import dev.eventsuite.oci.OciClients;
import dev.eventsuite.oci.OciConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The object store the configuration chooses. */
@ApplicationScoped
public class ObjectStores {

  @Produces
  @Singleton
  ObjectStore objectStore(IngestConfig config, LocalIndex index, OciConfig oci) {
    return switch (config.objectStore()) {
      case LOCAL -> new LocalObjectStore(config.local().root(), config.local().namespace(), index);
      case OCI -> oci(config.oci(), oci);
    };
  }

  private static ObjectStore oci(IngestConfig.Oci settings, OciConfig oci) {
    // OciObjectStore closes every object stream it opens, which is what the SDK's warning asks.
    ObjectStorage client =
        OciClients.located(
                ObjectStorageClient.builder().isStreamWarningEnabled(false),
                oci.region(),
                settings.endpoint())
            .build(OciAuthentication.provider(oci));
    String namespace =
        settings
            .namespace()
            .orElseGet(() -> client.getNamespace(GetNamespaceRequest.builder().build()).getValue());
    return new OciObjectStore(client, namespace, settings.readChunkSize().asLongValue());
  }
}
