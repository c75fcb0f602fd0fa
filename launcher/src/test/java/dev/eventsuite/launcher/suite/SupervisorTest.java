package dev.eventsuite.launcher.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The supervisor of {@code bin/suite up} against real processes killed with SIGKILL. */
class SupervisorTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @TempDir Path logs;

  private final ByteArrayOutputStream output = new ByteArrayOutputStream();
  private final Processes children = new Processes();
  private final Supervisor supervisor =
      new Supervisor(children, new PrintStream(output, true, StandardCharsets.UTF_8));

  @AfterEach
  void stopChildren() {
    children.running.values().forEach(Process::destroyForcibly);
  }

  @Test
  void shouldStartAKilledComponentAgainAfterItsWaitAndSaySo() throws Exception {
    children.start(Component.ENRICH);
    Process first = children.running.get(Component.ENRICH);
    kill(first);

    supervisor.check(T0);
    supervisor.check(T0.plusMillis(500));

    assertThat(children.restarts).isEmpty();
    assertThat(output()).contains("enrich-service exited unexpectedly; restarting it in 1 s");

    supervisor.check(T0.plusSeconds(1));

    assertThat(children.restarts).containsExactly(Component.ENRICH);
    assertThat(children.running.get(Component.ENRICH).isAlive()).isTrue();
    assertThat(output()).contains("restarting enrich-service", "enrich-service is back");
    assertThat(Files.readString(children.log(Component.ENRICH)))
        .contains(
            "[bin/suite] enrich-service exited unexpectedly", "[bin/suite] enrich-service is back");
  }

  @Test
  void shouldWaitTwiceAsLongAfterEachFailureInARowAndStartOverOnceStable() throws Exception {
    children.start(Component.ANOMALY);
    kill(children.running.get(Component.ANOMALY));
    children.failNextRestarts = 1;

    supervisor.check(T0); // dies: 1 s
    supervisor.check(T0.plusSeconds(1)); // does not come back: 2 s
    assertThat(output()).contains("anomaly-service did not come back", "trying again in 2 s");
    supervisor.check(T0.plusSeconds(2));
    assertThat(children.restarts).as("not yet").hasSize(1);
    supervisor.check(T0.plusSeconds(3));
    assertThat(children.restarts).hasSize(2);

    kill(children.running.get(Component.ANOMALY)); // the third failure in a row: 4 s
    supervisor.check(T0.plusSeconds(4));
    assertThat(output()).contains("restarting it in 4 s");
    supervisor.check(T0.plusSeconds(8));
    assertThat(children.restarts).hasSize(3);
    assertThat(children.running.get(Component.ANOMALY).isAlive()).isTrue();

    // up for longer than STABLE: the next death waits 1 s again
    supervisor.check(T0.plusSeconds(8).plus(Supervisor.STABLE).plusSeconds(1));
    kill(children.running.get(Component.ANOMALY));
    output.reset();
    supervisor.check(T0.plusSeconds(9).plus(Supervisor.STABLE));
    assertThat(output()).contains("restarting it in 1 s");
  }

  @Test
  void shouldCapTheWaitAtAMinute() {
    assertThat(Supervisor.backoff(1)).isEqualTo(Duration.ofSeconds(1));
    assertThat(Supervisor.backoff(3)).isEqualTo(Duration.ofSeconds(4));
    assertThat(Supervisor.backoff(40)).isEqualTo(Duration.ofMinutes(1));
  }

  private String output() {
    return output.toString(StandardCharsets.UTF_8);
  }

  private static void kill(Process process) throws Exception {
    process.destroyForcibly();
    assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
  }

  /** Components played by {@code sleep} processes. */
  private final class Processes implements Supervisor.Children {

    final Map<Component, Process> running = new EnumMap<>(Component.class);
    final List<Component> restarts = new ArrayList<>();
    int failNextRestarts;

    void start(Component component) {
      try {
        running.put(component, new ProcessBuilder("sleep", "600").start());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public List<Component> components() {
      return List.copyOf(running.keySet());
    }

    @Override
    public boolean isAlive(Component component) {
      return running.get(component).isAlive();
    }

    @Override
    public void restart(Component component) {
      restarts.add(component);
      if (failNextRestarts > 0) {
        failNextRestarts--;
        throw new SuiteException(component.id() + " was not ready within 120 s");
      }
      start(component);
    }

    @Override
    public Path log(Component component) {
      return logs.resolve(component.id() + ".log");
    }
  }
}
