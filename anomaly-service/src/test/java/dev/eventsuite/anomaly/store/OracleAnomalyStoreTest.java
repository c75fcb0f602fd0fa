package dev.eventsuite.anomaly.store;

import dev.eventsuite.testing.ContainerImages;
import dev.eventsuite.testing.KafkaTestResource;
import dev.eventsuite.testing.RequiresImage;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The store contract on Oracle Database Free, with the Oracle migrations and SQL the {@code oci}
 * profile runs. Skipped where the image cannot be had.
 */
@QuarkusTest
@RequiresImage(ContainerImages.ORACLE_FREE)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(OracleDatabase.class)
class OracleAnomalyStoreTest extends AnomalyStoreContract {}
