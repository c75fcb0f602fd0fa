package dev.eventsuite.platform.store;

import dev.eventsuite.platform.config.SuiteConfig;
import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.arc.InjectableInstance;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Default;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * The relational store a service uses, chosen at run time by {@code suite.store.kind}: the default
 * (H2) datasource, or the {@code oracle} one. The other stays inactive, so one build serves both.
 */
@Singleton
public class StoreDataSource {

  public static final String ORACLE = "oracle";

  private final SuiteConfig.Store.Kind kind;
  private final InjectableInstance<AgroalDataSource> dataSources;

  @Inject
  public StoreDataSource(
      SuiteConfig config, @Any InjectableInstance<AgroalDataSource> dataSources) {
    this.kind = config.store().kind();
    this.dataSources = dataSources;
  }

  public SuiteConfig.Store.Kind kind() {
    return kind;
  }

  /** The active datasource. */
  public javax.sql.DataSource get() {
    return kind == SuiteConfig.Store.Kind.ORACLE
        ? oracle()
        : dataSources.select(Default.Literal.INSTANCE).get();
  }

  /** The {@code oracle} datasource, for stores that live only in Oracle Database. */
  public javax.sql.DataSource oracle() {
    return dataSources.select(new DataSource.DataSourceLiteral(ORACLE)).get();
  }
}
