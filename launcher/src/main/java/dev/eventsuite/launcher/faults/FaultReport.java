package dev.eventsuite.launcher.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What a fault-suite run did and found, as a Markdown report. */
public final class FaultReport {

  /** Things compared with their clean twins, and those that differed. */
  public record Comparison(String what, int compared, List<String> differing) {

    public Comparison {
      differing = List.copyOf(differing);
    }
  }

  private final String run;
  private final List<Fault> faults = new ArrayList<>();
  private final List<Comparison> comparisons = new ArrayList<>();
  private long newDeadLetters;

  FaultReport(String run) {
    this.run = run;
  }

  void add(Fault fault) {
    faults.add(fault);
  }

  void compared(String what, int compared, List<String> differing) {
    comparisons.add(new Comparison(what, compared, differing));
  }

  void deadLetters(long count) {
    newDeadLetters = count;
  }

  public List<Fault> faults() {
    return List.copyOf(faults);
  }

  public List<Comparison> comparisons() {
    return List.copyOf(comparisons);
  }

  /** Records that reached a dead-letter topic during the run; no bad input was sent. */
  public long newDeadLetters() {
    return newDeadLetters;
  }

  /** Whether nothing was lost or doubled, nothing dead-lettered, and readiness told the truth. */
  public boolean passed() {
    return newDeadLetters == 0
        && faults.stream().allMatch(Fault::passed)
        && comparisons.stream().allMatch(c -> c.differing().isEmpty());
  }

  public String markdown() {
    StringBuilder text = new StringBuilder("# Fault suite run ").append(run).append("\n\n");
    text.append("| fault | outage (s) | readiness went down | and came back | note |\n");
    text.append("|---|---|---|---|---|\n");
    for (Fault fault : faults) {
      text.append(
          String.format(
              Locale.ROOT,
              "| %s | %.1f | %s | %s | %s |%n",
              fault.name(),
              fault.outageSeconds(),
              yesNo(fault.readinessWentDown()),
              yesNo(fault.readinessCameBack()),
              fault.note() == null ? "" : fault.note()));
    }
    text.append("\n| compared with the clean run | how many | differing |\n|---|---|---|\n");
    for (Comparison comparison : comparisons) {
      List<String> shown = comparison.differing().stream().limit(10).toList();
      text.append("| ")
          .append(comparison.what())
          .append(" | ")
          .append(comparison.compared())
          .append(" | ")
          .append(comparison.differing().size())
          .append(shown.isEmpty() ? "" : " (" + String.join(", ", shown) + ")")
          .append(" |\n");
    }
    text.append("\nNew dead letters: ").append(newDeadLetters).append("\n\n");
    text.append(passed() ? "PASSED: nothing lost, nothing doubled.\n" : "FAILED.\n");
    return text.toString();
  }

  private static String yesNo(boolean value) {
    return value ? "yes" : "no";
  }
}
