package dev.eventsuite.launcher.suite;

/**
 * What a component of the local suite is doing.
 *
 * @param record its process record; null when stopped
 */
public record ComponentStatus(Component component, State state, RunRecord record) {

  /** Whether the component runs, and answers. */
  public enum State {
    READY,
    NOT_READY,
    STOPPED
  }
}
