package dev.eventsuite.ingest.domain.document;

import java.io.IOException;
import java.io.Writer;
import java.util.Set;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Writes the body of the XHTML Apache Tika produces as plain text in the shape of Markdown:
 * headings as {@code #} lines, blocks separated by a blank line, list items as {@code - }, table
 * cells joined by {@code |}. Headings survive this way for the chunker downstream.
 */
final class MarkdownHandler extends DefaultHandler {

  private static final Set<String> BLOCKS =
      Set.of(
          "p",
          "div",
          "pre",
          "blockquote",
          "section",
          "article",
          "header",
          "footer",
          "aside",
          "dl",
          "dt",
          "dd",
          "table",
          "ul",
          "ol",
          "figure",
          "figcaption",
          "address",
          "main",
          "nav");

  private final Writer out;
  private final long maxChars;
  private final StringBuilder block = new StringBuilder();
  private long written;
  private boolean inBody;
  private int headingLevel;
  private boolean firstCell;

  MarkdownHandler(Writer out, long maxChars) {
    this.out = out;
    this.maxChars = maxChars;
  }

  long written() {
    return written;
  }

  @Override
  public void startElement(String uri, String localName, String qName, Attributes attributes)
      throws SAXException {
    String name = localName.isEmpty() ? qName : localName;
    if (name.equals("body")) {
      inBody = true;
      return;
    }
    if (!inBody) {
      return;
    }
    if (isHeading(name)) {
      flush();
      headingLevel = name.charAt(1) - '0';
    } else if (name.equals("li")) {
      flush();
      block.append("- ");
    } else if (name.equals("tr")) {
      flush();
      firstCell = true;
    } else if (name.equals("td") || name.equals("th")) {
      if (!firstCell) {
        // The line end Tika writes after a cell stays out of the row.
        while (!block.isEmpty() && Character.isWhitespace(block.charAt(block.length() - 1))) {
          block.setLength(block.length() - 1);
        }
        block.append(" | ");
      }
      firstCell = false;
    } else if (name.equals("br")) {
      block.append('\n');
    } else if (BLOCKS.contains(name)) {
      flush();
    }
  }

  @Override
  public void endElement(String uri, String localName, String qName) throws SAXException {
    String name = localName.isEmpty() ? qName : localName;
    if (name.equals("body")) {
      flush();
      inBody = false;
      return;
    }
    if (!inBody) {
      return;
    }
    if (isHeading(name)) {
      String heading = block.toString().replaceAll("\\s+", " ").strip();
      block.setLength(0);
      if (!heading.isEmpty()) {
        write("#".repeat(headingLevel) + " " + heading + "\n\n");
      }
      headingLevel = 0;
    } else if (name.equals("li") || name.equals("tr") || BLOCKS.contains(name)) {
      flush();
    }
  }

  @Override
  public void characters(char[] ch, int start, int length) {
    if (inBody) {
      block.append(ch, start, length);
    }
  }

  /**
   * Tika writes the line ends of a PDF's text (and those between elements) as ignorable whitespace:
   * dropped, the last word of each line ran into the first word of the next.
   */
  @Override
  public void ignorableWhitespace(char[] ch, int start, int length) {
    if (inBody && !block.isEmpty() && !Character.isWhitespace(block.charAt(block.length() - 1))) {
      block.append('\n');
    }
  }

  private void flush() throws SAXException {
    String text = block.toString().strip();
    block.setLength(0);
    if (!text.isEmpty() && !text.equals("-")) {
      write(text + "\n\n");
    }
  }

  private void write(String text) throws SAXException {
    written += text.length();
    if (written > maxChars) {
      throw new TextLimitException(maxChars);
    }
    try {
      out.write(text);
    } catch (IOException e) {
      throw new SAXException("cannot spool the document's text", e);
    }
  }

  private static boolean isHeading(String name) {
    return name.length() == 2
        && name.charAt(0) == 'h'
        && name.charAt(1) >= '1'
        && name.charAt(1) <= '6';
  }

  /** The document's text is larger than allowed. */
  static final class TextLimitException extends SAXException {

    private static final long serialVersionUID = 1L;

    TextLimitException(long maxChars) {
      super("the document's text is longer than " + maxChars + " characters");
    }
  }
}
