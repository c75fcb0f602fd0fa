package dev.eventsuite.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventsuite.launcher.suite.Component;
import dev.eventsuite.launcher.suite.RunRecord;
import dev.eventsuite.launcher.suite.RunningSuite;
import dev.eventsuite.launcher.suite.Suite;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** Runs after every other end-to-end test: stopping the suite leaves nothing behind. */
@Order(Integer.MAX_VALUE)
class SuiteShutdownIT {

  @Test
  void shouldLeaveNoProcessBehindWhenStopped() {
    RunningSuite suite = SuiteUnderTest.get();
    List<RunRecord> records = List.of(Component.values()).stream().map(suite::record).toList();

    List<Component> stopped =
        Suite.down(suite.dataDir(), new PrintStream(OutputStream.nullOutputStream()));

    assertThat(stopped).containsExactlyInAnyOrder(Component.values());
    assertThat(records)
        .allSatisfy(
            r -> assertThat(ProcessHandle.of(r.pid()).filter(ProcessHandle::isAlive)).isEmpty());
  }
}
