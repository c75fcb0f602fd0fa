package dev.eventsuite.ingest.domain.document;

import dev.eventsuite.events.document.DocumentSectionExtracted;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Cuts a document's text into sections of at most {@link DocumentSectionExtracted#MAX_TEXT_BYTES}
 * UTF-8 bytes, at paragraph boundaries (a blank line). A paragraph longer than a section is cut at
 * line ends, then between words, then between characters. The text is read as a stream: only one
 * section is in memory at a time.
 */
public final class SectionSplitter {

  private final int maxBytes;

  public SectionSplitter() {
    this(DocumentSectionExtracted.MAX_TEXT_BYTES);
  }

  SectionSplitter(int maxBytes) {
    this.maxBytes = maxBytes;
  }

  /** How many sections the text gives. */
  public int count(Path text) throws IOException {
    int[] count = {0};
    split(text, section -> count[0]++);
    return count[0];
  }

  /** Hands each section of a text file, in order, to the consumer. */
  public void split(Path text, Consumer<String> sections) throws IOException {
    try (BufferedReader reader = Files.newBufferedReader(text, StandardCharsets.UTF_8)) {
      split(reader, sections);
    }
  }

  /** The sections of a text held in memory. */
  public List<String> split(String text) {
    List<String> sections = new ArrayList<>();
    try {
      split(new BufferedReader(new StringReader(text)), sections::add);
    } catch (IOException e) {
      throw new UncheckedIOException("a string cannot fail to be read", e);
    }
    return sections;
  }

  private void split(BufferedReader reader, Consumer<String> sections) throws IOException {
    Section current = new Section(sections);
    StringBuilder paragraph = new StringBuilder();
    int paragraphBytes = 0;
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      if (line.isBlank()) {
        current.addParagraph(paragraph.toString());
        paragraph.setLength(0);
        paragraphBytes = 0;
        continue;
      }
      if (paragraph.length() > 0) {
        paragraph.append('\n');
        paragraphBytes++;
      }
      paragraph.append(line);
      paragraphBytes += utf8Length(line);
      if (paragraphBytes > maxBytes) {
        // An endless paragraph: give what there is now, keep reading.
        current.addParagraph(paragraph.toString());
        paragraph.setLength(0);
        paragraphBytes = 0;
      }
    }
    current.addParagraph(paragraph.toString());
    current.emit();
  }

  /** The section being filled. */
  private final class Section {

    private final Consumer<String> sections;
    private final StringBuilder text = new StringBuilder();
    private int bytes;

    Section(Consumer<String> sections) {
      this.sections = sections;
    }

    void addParagraph(String paragraph) {
      String content = paragraph.strip();
      if (content.isEmpty()) {
        return;
      }
      int length = utf8Length(content);
      int separator = text.length() == 0 ? 0 : 2;
      if (bytes + separator + length <= maxBytes) {
        append(content, length);
        return;
      }
      emit();
      if (length <= maxBytes) {
        append(content, length);
      } else {
        cutLongParagraph(content);
      }
    }

    private void cutLongParagraph(String paragraph) {
      String rest = paragraph;
      while (utf8Length(rest) > maxBytes) {
        int cut = cutPoint(rest);
        append(rest.substring(0, cut).strip(), utf8Length(rest.substring(0, cut).strip()));
        emit();
        rest = rest.substring(cut).strip();
      }
      if (!rest.isEmpty()) {
        append(rest, utf8Length(rest));
      }
    }

    /**
     * Where to cut text that is too long: the last line end, else space, that fits; else a
     * character.
     */
    private int cutPoint(String text) {
      int fits = fittingPrefix(text);
      int newline = text.lastIndexOf('\n', fits);
      if (newline > fits / 2) {
        return newline;
      }
      int space = text.lastIndexOf(' ', fits);
      return space > fits / 2 ? space : fits;
    }

    /** The longest prefix of whole characters within the byte limit. */
    private int fittingPrefix(String text) {
      int bytesSoFar = 0;
      int i = 0;
      while (i < text.length()) {
        int codePoint = text.codePointAt(i);
        int size = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
        if (bytesSoFar + size > maxBytes) {
          break;
        }
        bytesSoFar += size;
        i += Character.charCount(codePoint);
      }
      return i;
    }

    private void append(String content, int length) {
      if (text.length() > 0) {
        text.append("\n\n");
        bytes += 2;
      }
      text.append(content);
      bytes += length;
    }

    void emit() {
      if (text.length() > 0) {
        sections.accept(text.toString());
        text.setLength(0);
        bytes = 0;
      }
    }
  }

  static int utf8Length(CharSequence text) {
    return StandardCharsets.UTF_8.encode(java.nio.CharBuffer.wrap(text)).remaining();
  }
}
