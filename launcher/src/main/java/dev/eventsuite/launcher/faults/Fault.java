package dev.eventsuite.launcher.faults;

/**
 * One fault made and what the suite did.
 *
 * @param name what was done, e.g. {@code kill -9 enrich-service}
 * @param outageSeconds from the fault until the part was ready again
 * @param readinessWentDown whether readiness reported the outage
 * @param readinessCameBack whether readiness was back once the part was
 * @param note what else is worth knowing; null for nothing
 */
public record Fault(
    String name,
    double outageSeconds,
    boolean readinessWentDown,
    boolean readinessCameBack,
    String note) {

  public Fault(
      String name, double outageSeconds, boolean readinessWentDown, boolean readinessCameBack) {
    this(name, outageSeconds, readinessWentDown, readinessCameBack, null);
  }

  public Fault withNote(String text) {
    return new Fault(name, outageSeconds, readinessWentDown, readinessCameBack, text);
  }

  /** Whether the suite answered the fault as it should. */
  public boolean passed() {
    return readinessWentDown && readinessCameBack;
  }
}
