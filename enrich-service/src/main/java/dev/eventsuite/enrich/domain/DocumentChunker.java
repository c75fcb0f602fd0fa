package dev.eventsuite.enrich.domain;

import dev.langchain4j.data.document.Document;
import dev.langchain4j.data.document.DocumentSplitter;
import dev.langchain4j.data.document.splitter.DocumentSplitters;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.TokenCountEstimator;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts cleaned text into chunks that fit the embedding model, keeping the headings each chunk sits
 * under.
 *
 * <p>The text is first divided at Markdown headings ({@code #} to {@code ######}, which is also how
 * ingest-service writes the headings of HTML, DOCX and PDF documents); each part is then split by
 * LangChain4j's recursive splitter (paragraphs, then lines, sentences, words) measured in the
 * model's own tokens, with overlap between neighbouring chunks.
 */
public final class DocumentChunker {

  private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.+?)\\s*#*$");

  private final DocumentSplitter splitter;

  /**
   * @param maxTokens the most tokens of the model a chunk holds
   * @param overlapTokens how many tokens neighbouring chunks share
   */
  public DocumentChunker(int maxTokens, int overlapTokens, TokenCountEstimator tokenizer) {
    if (overlapTokens >= maxTokens) {
      throw new IllegalArgumentException("the overlap must be smaller than the chunk size");
    }
    this.splitter = DocumentSplitters.recursive(maxTokens, overlapTokens, tokenizer);
  }

  /** A chunk of text and the headings above it, outermost first. */
  public record Chunk(String text, List<String> headingPath) {}

  public List<Chunk> chunk(String cleanedText) {
    List<Chunk> chunks = new ArrayList<>();
    for (Part part : parts(cleanedText)) {
      if (part.text().isBlank()) {
        continue;
      }
      for (TextSegment segment : splitter.split(Document.from(part.text()))) {
        chunks.add(new Chunk(segment.text(), part.headingPath()));
      }
    }
    return chunks;
  }

  /** A run of text under one heading, the heading line included. */
  private record Part(String text, List<String> headingPath) {}

  private static List<Part> parts(String text) {
    List<Part> parts = new ArrayList<>();
    List<String> path = new ArrayList<>();
    List<Integer> levels = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    List<String> currentPath = List.of();
    for (String line : text.split("\n", -1)) {
      Matcher heading = HEADING.matcher(line);
      if (heading.matches()) {
        if (hasContent(current)) {
          parts.add(new Part(current.toString().strip(), currentPath));
          current.setLength(0);
        }
        int level = heading.group(1).length();
        while (!levels.isEmpty() && levels.get(levels.size() - 1) >= level) {
          levels.remove(levels.size() - 1);
          path.remove(path.size() - 1);
        }
        levels.add(level);
        path.add(heading.group(2));
        currentPath = List.copyOf(path);
      }
      current.append(line).append('\n');
    }
    if (hasContent(current)) {
      parts.add(new Part(current.toString().strip(), currentPath));
    }
    return parts;
  }

  /** Whether a part holds more than headings: a lone heading joins the part after it. */
  private static boolean hasContent(CharSequence part) {
    for (String line : part.toString().split("\n")) {
      if (!line.isBlank() && !HEADING.matcher(line).matches()) {
        return true;
      }
    }
    return false;
  }
}
