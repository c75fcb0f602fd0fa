package dev.eventsuite.anomaly.store;

import dev.eventsuite.testing.KafkaTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The store contract on the embedded H2 database. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class AnomalyStoreTest extends AnomalyStoreContract {}
