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
  private DeadLetters deadLetters = new DeadLetters(0, 0, List.of(), List.of());

  /**
   * The run's dead letters.
   *
   * @param injected bad inputs sent
   * @param found bad inputs found dead-lettered
   * @param missing bad inputs not dead-lettered
   * @param unexpected dead letters of anything else: data the faults made the suite refuse
   */
  public record DeadLetters(
      int injected, int found, List<String> missing, List<String> unexpected) {

    public DeadLetters {
      missing = List.copyOf(missing);
      unexpected = List.copyOf(unexpected);
    }

    /** Every bad input dead-lettered, and nothing else. */
    public boolean asExpected() {
      return found == injected && missing.isEmpty() && unexpected.isEmpty();
    }
  }

  FaultReport(String run) {
    this.run = run;
  }

  void add(Fault fault) {
    faults.add(fault);
  }

  void compared(String what, int compared, List<String> differing) {
    comparisons.add(new Comparison(what, compared, differing));
  }

  void deadLetters(int injected, int found, List<String> missing, List<String> unexpected) {
    deadLetters = new DeadLetters(injected, found, missing, unexpected);
  }

  public List<Fault> faults() {
    return List.copyOf(faults);
  }

  public List<Comparison> comparisons() {
    return List.copyOf(comparisons);
  }

  public DeadLetters deadLetters() {
    return deadLetters;
  }

  /**
   * Whether nothing was lost or doubled, only the bad input dead-lettered, and readiness told the
   * truth.
   */
  public boolean passed() {
    return deadLetters.asExpected()
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
    text.append(
        String.format(
            Locale.ROOT,
            "%nDead letters: %d of the %d bad inputs sent%s; %d of anything else%s%n%n",
            deadLetters.found(),
            deadLetters.injected(),
            deadLetters.missing().isEmpty()
                ? ""
                : " (missing: " + String.join(", ", deadLetters.missing()) + ")",
            deadLetters.unexpected().size(),
            deadLetters.unexpected().isEmpty()
                ? ""
                : " ("
                    + String.join("; ", deadLetters.unexpected().stream().limit(10).toList())
                    + ")"));
    text.append(passed() ? "PASSED: nothing lost, nothing doubled.\n" : "FAILED.\n");
    return text.toString();
  }

  private static String yesNo(boolean value) {
    return value ? "yes" : "no";
  }
}
