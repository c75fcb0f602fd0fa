package dev.eventsuite.testing;

/** The public images tests run with Testcontainers, in one place. */
public final class ContainerImages {

  /** Oracle Database Free 23ai, the image that starts fastest, for the Oracle store contracts. */
  public static final String ORACLE_FREE = "gvenzl/oracle-free:23-slim-faststart";

  private ContainerImages() {}
}
