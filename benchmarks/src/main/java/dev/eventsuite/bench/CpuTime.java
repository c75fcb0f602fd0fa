package dev.eventsuite.bench;

import java.time.Duration;
import java.util.List;

/** The CPU time processes have used, read from the operating system, to compare work done. */
public final class CpuTime {

  private CpuTime() {}

  /** The CPU time, user and system, the processes have used so far. */
  public static Duration of(List<Long> pids) {
    Duration total = Duration.ZERO;
    for (long pid : pids) {
      total =
          total.plus(
              ProcessHandle.of(pid)
                  .flatMap(p -> p.info().totalCpuDuration())
                  .orElseThrow(
                      () -> new IllegalStateException("cannot read the CPU time of pid " + pid)));
    }
    return total;
  }

  /** The CPU time this JVM has used so far. */
  public static Duration self() {
    return of(List.of(ProcessHandle.current().pid()));
  }
}
