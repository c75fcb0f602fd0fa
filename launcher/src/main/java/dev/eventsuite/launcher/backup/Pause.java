package dev.eventsuite.launcher.backup;

import dev.eventsuite.launcher.suite.SuiteException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Processes stopped with SIGSTOP so the files they write hold still, and resumed with SIGCONT when
 * closed. Stopped together, they leave on disk exactly what a crash of all of them at that instant
 * would (the page cache included), which every store of the suite recovers from.
 *
 * <p>A watchdog process resumes them after the bound even if this JVM is killed, so a backup can
 * never leave the suite stopped; a pause that outlived its bound is reported by {@link
 * #heldThroughout()}, and what was copied during it must not be trusted.
 */
final class Pause implements AutoCloseable {

  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

  private final List<Long> pids;
  private final Process watchdog;
  private final Thread resumeOnExit;
  private final Instant startedAt = Instant.now();
  private final long startedNanos;
  private final Duration watchdogDelay;
  private boolean resumed;

  private Pause(List<Long> pids, Process watchdog, long startedNanos, Duration watchdogDelay) {
    this.pids = pids;
    this.watchdog = watchdog;
    this.startedNanos = startedNanos;
    this.watchdogDelay = watchdogDelay;
    this.resumeOnExit = new Thread(this::resume, "backup-resume");
  }

  /** Stops the processes in the given order, to be resumed in the reverse order. */
  static Pause of(List<ProcessHandle> processes, Duration bound) {
    List<Long> pids = processes.stream().map(ProcessHandle::pid).toList();
    long startedNanos = System.nanoTime();
    Duration delay = Duration.ofSeconds(Math.max(1, bound.toSeconds()));
    Pause pause = new Pause(pids, startWatchdog(pids, delay), startedNanos, delay);
    Runtime.getRuntime().addShutdownHook(pause.resumeOnExit);
    if (!signal("STOP", pids) || !awaitStopped(pids)) {
      pause.close();
      throw new SuiteException(
          "a process of the suite exited or did not stop as the backup began; nothing was kept,"
              + " try again");
    }
    return pause;
  }

  /**
   * Waits until every thread of every process has stopped: {@code kill} returns once the signal is
   * sent, while threads running on other cores stop a moment later.
   */
  private static boolean awaitStopped(List<Long> pids) {
    long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
    for (long pid : pids) {
      while (!isStopped(pid)) {
        if (System.nanoTime() > deadline || ProcessHandle.of(pid).isEmpty()) {
          return false;
        }
        Thread.onSpinWait();
      }
    }
    return true;
  }

  /**
   * Whether all threads of a process are stopped, from {@code /proc/PID/task/TID/stat} (Linux),
   * else from {@code ps}.
   */
  private static boolean isStopped(long pid) {
    Path tasks = Path.of("/proc", String.valueOf(pid), "task");
    if (!Files.isDirectory(tasks)) {
      return psState(pid).startsWith("T");
    }
    try (Stream<Path> threads = Files.list(tasks)) {
      for (Path thread : threads.toList()) {
        String stat = Files.readString(thread.resolve("stat"));
        char state = stat.charAt(stat.lastIndexOf(')') + 2);
        if (state != 'T' && state != 't') {
          return false;
        }
      }
      return true;
    } catch (IOException | UncheckedIOException e) {
      // A thread ended while it was looked at: look again.
      return false;
    }
  }

  private static String psState(long pid) {
    try {
      Process ps = new ProcessBuilder("ps", "-o", "state=", "-p", String.valueOf(pid)).start();
      String state = new String(ps.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      ps.waitFor();
      return state;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot tell whether process " + pid + " stopped", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  /**
   * Whether the processes stayed stopped until now: the watchdog has not resumed them. It cannot
   * have before its delay, counted from before it started; after that, a shell still exiting after
   * its {@code kill} would look alive, so the pause counts as broken.
   */
  boolean heldThroughout() {
    return watchdog.isAlive() && System.nanoTime() - startedNanos < watchdogDelay.toNanos();
  }

  /** The instant the processes were stopped: the one a copy made during the pause holds. */
  Instant startedAt() {
    return startedAt;
  }

  Duration elapsed() {
    return Duration.ofNanos(System.nanoTime() - startedNanos);
  }

  @Override
  public void close() {
    resume();
    try {
      Runtime.getRuntime().removeShutdownHook(resumeOnExit);
    } catch (IllegalStateException e) {
      // The JVM is exiting and has run the hook already.
    }
  }

  private synchronized void resume() {
    if (resumed) {
      return;
    }
    resumed = true;
    List<Long> reverse = new ArrayList<>(pids);
    java.util.Collections.reverse(reverse);
    signal("CONT", reverse);
    watchdog.destroy();
  }

  /**
   * A shell that ignores Ctrl-C, sleeps for the delay and then resumes the processes; destroyed
   * once they are resumed on time.
   */
  private static Process startWatchdog(List<Long> pids, Duration delay) {
    String script =
        "trap '' INT HUP; sleep "
            + delay.toSeconds()
            + "; kill -CONT "
            + String.join(" ", pids.stream().map(String::valueOf).toList());
    try {
      return new ProcessBuilder("sh", "-c", script)
          .redirectOutput(Redirect.DISCARD)
          .redirectError(Redirect.DISCARD)
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the backup's watchdog", e);
    }
  }

  /** Sends a signal to each process; false when one of them is gone. */
  private static boolean signal(String signal, List<Long> pids) {
    List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
    pids.forEach(pid -> command.add(String.valueOf(pid)));
    try {
      Process kill =
          new ProcessBuilder(command)
              .redirectOutput(Redirect.DISCARD)
              .redirectError(Redirect.DISCARD)
              .start();
      if (!kill.waitFor(10, TimeUnit.SECONDS)) {
        kill.destroyForcibly();
        return false;
      }
      return kill.exitValue() == 0;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot send SIG" + signal, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
