package dev.eventsuite.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Real English sentences for benchmark documents: those of the STS Benchmark's training pairs. */
public final class Sentences {

  private static final String TRAIN = "stsb/original/sts-train.csv";

  private Sentences() {}

  /**
   * The distinct sentences of STS-B's training set that are plain printable ASCII (the standard PDF
   * fonts encode nothing else).
   */
  public static List<String> load(Path datasets) {
    Path file = datasets.resolve(TRAIN);
    try {
      Set<String> sentences = new LinkedHashSet<>();
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        String[] columns = line.split("\t");
        for (int i = 5; i <= 6 && i < columns.length; i++) {
          String sentence = columns[i].strip();
          if (!sentence.isEmpty() && sentence.chars().allMatch(c -> c >= 0x20 && c < 0x7F)) {
            sentences.add(sentence);
          }
        }
      }
      return List.copyOf(sentences);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read " + file + "; point --datasets at the folder holding stsb/", e);
    }
  }
}
