package dev.eventsuite.launcher.suite;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Starts again whatever component of a running suite dies, as a process supervisor would: after 1
 * s, then twice as long after each failure in a row up to a minute, the count starting over once a
 * component has stayed up for five minutes. Each death and restart is said on the output, in the
 * component's log and in {@code bin/suite status}.
 */
public final class Supervisor {

  static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
  static final Duration MAX_BACKOFF = Duration.ofMinutes(1);
  static final Duration STABLE = Duration.ofMinutes(5);

  /** What the supervisor looks after: a running suite, in production. */
  public interface Children {

    List<Component> components();

    boolean isAlive(Component component);

    /** Starts the component again and waits until it is ready; throws when it does not become. */
    void restart(Component component);

    Path log(Component component);
  }

  private final Children children;
  private final PrintStream out;
  private final Map<Component, Attempts> attempts = new EnumMap<>(Component.class);

  /** A component's failures in a row, and when to try it next. */
  private record Attempts(int failures, Instant nextTry, Instant lastStart) {}

  public Supervisor(Children children, PrintStream out) {
    this.children = children;
    this.out = out;
  }

  /** Looks after a running suite. */
  public static Supervisor of(RunningSuite suite, PrintStream out) {
    return new Supervisor(
        new Children() {
          @Override
          public List<Component> components() {
            return List.of(Component.values());
          }

          @Override
          public boolean isAlive(Component component) {
            return suite.record(component).process().isPresent();
          }

          @Override
          public void restart(Component component) {
            suite.restart(component);
          }

          @Override
          public Path log(Component component) {
            return suite.dataDir().log(component);
          }
        },
        out);
  }

  /** Checks every component once: notices the dead, restarts those whose wait is over. */
  public void check(Instant now) {
    for (Component component : children.components()) {
      Attempts current = attempts.get(component);
      if (children.isAlive(component)) {
        if (current != null
            && current.failures() > 0
            && now.isAfter(current.lastStart().plus(STABLE))) {
          attempts.put(component, new Attempts(0, null, current.lastStart()));
        }
        continue;
      }
      if (current == null || current.nextTry() == null) {
        int failures = current == null ? 1 : current.failures() + 1;
        Duration wait = backoff(failures);
        say(
            component,
            "%s exited unexpectedly; restarting it in %d s (see %s)"
                .formatted(component.id(), wait.toSeconds(), children.log(component)));
        attempts.put(
            component,
            new Attempts(failures, now.plus(wait), current == null ? now : current.lastStart()));
      } else if (!now.isBefore(current.nextTry())) {
        restart(component, current, now);
      }
    }
  }

  private void restart(Component component, Attempts current, Instant now) {
    say(component, "restarting %s".formatted(component.id()));
    try {
      children.restart(component);
      say(component, "%s is back".formatted(component.id()));
      attempts.put(component, new Attempts(current.failures(), null, now));
    } catch (RuntimeException e) {
      int failures = current.failures() + 1;
      Duration wait = backoff(failures);
      say(
          component,
          "%s did not come back (%s); trying again in %d s"
              .formatted(component.id(), e.getMessage(), wait.toSeconds()));
      attempts.put(component, new Attempts(failures, now.plus(wait), current.lastStart()));
    }
  }

  /** 1 s, 2 s, 4 s ... up to a minute. */
  static Duration backoff(int failures) {
    Duration wait = FIRST_BACKOFF.multipliedBy(1L << Math.min(failures - 1, 16));
    return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
  }

  /** Says it on the output and in the component's log, where its own lines go. */
  private void say(Component component, String message) {
    out.println(message);
    String line = Instant.now() + " [bin/suite] " + message + System.lineSeparator();
    try {
      Files.writeString(
          children.log(component),
          line,
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      out.println("  (cannot write to " + children.log(component) + ": " + e.getMessage() + ")");
    }
  }
}
