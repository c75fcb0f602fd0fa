package dev.eventsuite.launcher.cli;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** The checkout whose built modules the launcher runs. */
final class SuiteHome {

  private SuiteHome() {}

  /**
   * {@code suite.home} when set (bin/suite sets it), else the checkout holding this launcher jar
   * ({@code <home>/launcher/target/launcher.jar}).
   */
  static Path locate() {
    String configured = System.getProperty("suite.home");
    if (configured != null) {
      return Path.of(configured).toAbsolutePath().normalize();
    }
    try {
      Path jar =
          Path.of(SuiteHome.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return jar.getParent().getParent().getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot locate the suite's checkout; set -Dsuite.home", e);
    }
  }
}
