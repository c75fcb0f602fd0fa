package dev.eventsuite.anomaly.store;

import dev.eventsuite.testing.KafkaTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The store contract on Oracle Database Free, with the Oracle migrations and SQL the {@code oci}
 * profile runs. Skipped where no Docker engine is available.
 */
@QuarkusTest
@Testcontainers(disabledWithoutDocker = true)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(OracleDatabase.class)
class OracleAnomalyStoreTest extends AnomalyStoreContract {}
