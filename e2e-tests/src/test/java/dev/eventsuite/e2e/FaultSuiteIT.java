package dev.eventsuite.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventsuite.launcher.faults.FaultReport;
import dev.eventsuite.launcher.faults.FaultSuite;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The fault suite's lean form ({@code bin/suite faults} runs it on a suite of its own): every
 * service and the broker killed in turn under load, every store failing for 30 s, bad input sent
 * alongside, and everything compared with a clean run. It runs after the tests of single paths and
 * the backup and restore, which then meet a suite no fault has touched.
 */
@Order(4)
class FaultSuiteIT {

  @Test
  void shouldLoseAndDoubleNothingWhenEachPartIsKilledInTurn() throws Exception {
    FaultReport report =
        new FaultSuite(
                SuiteUnderTest.get(), SuiteUnderTest.alerts(), FaultSuite.Plan.lean(), System.out)
            .run();

    System.out.print(report.markdown());
    assertThat(report.faults()).hasSize(7).allSatisfy(f -> assertThat(f.passed()).isTrue());
    assertThat(report.comparisons())
        .allSatisfy(c -> assertThat(c.differing()).as(c.what()).isEmpty());
    assertThat(report.deadLetters().unexpected()).isEmpty();
    assertThat(report.deadLetters().missing()).isEmpty();
    assertThat(report.deadLetters().found()).isEqualTo(3);
  }
}
