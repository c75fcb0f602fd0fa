package dev.eventsuite.launcher.suite;

import dev.eventsuite.events.EventJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * What the launcher remembers of a process it started, in {@code run/<component>.json}: enough for
 * {@code status}, {@code down} and the CLI's other commands to find it again, and to tell it from
 * an unrelated process that later got the same pid.
 *
 * @param component the component's id
 * @param pid the process id
 * @param startedAt the process's start time as the operating system reports it
 * @param port the port it serves on
 * @param url its base URL; the bootstrap address for the broker
 * @param restarts how often the supervisor of {@code bin/suite up} started it again after it died
 */
public record RunRecord(
    String component, long pid, Instant startedAt, int port, String url, int restarts) {

  /** A process started for the first time. */
  public RunRecord(String component, long pid, Instant startedAt, int port, String url) {
    this(component, pid, startedAt, port, url, 0);
  }

  /** The same process, counted as the given restart. */
  RunRecord restarted(int count) {
    return new RunRecord(component, pid, startedAt, port, url, count);
  }

  static Path file(DataDir dataDir, Component component) {
    return dataDir.run().resolve(component.id() + ".json");
  }

  void write(DataDir dataDir) {
    try {
      Files.write(file(dataDir, Component.byId(component)), EventJson.toBytes(this));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot record the process of " + component, e);
    }
  }

  /** The record of a component, if one was written and not yet removed. */
  public static Optional<RunRecord> read(DataDir dataDir, Component component) {
    Path file = file(dataDir, component);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(EventJson.fromBytes(Files.readAllBytes(file), RunRecord.class));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  static void remove(DataDir dataDir, Component component) {
    try {
      Files.deleteIfExists(file(dataDir, component));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove the record of " + component.id(), e);
    }
  }

  /** The live process this record describes; empty when it has exited or the pid was reused. */
  public Optional<ProcessHandle> process() {
    return ProcessHandle.of(pid)
        .filter(ProcessHandle::isAlive)
        .filter(p -> p.info().startInstant().map(startedAt::equals).orElse(true));
  }
}
