package dev.eventsuite.bench.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFRun;

/**
 * Documents of the five kinds users upload most, written from real sentences: a title, then
 * sections of paragraphs under headings, from a page to a few dozen pages long.
 */
final class DocumentCorpus {

  /** A kind of document and its file extension. */
  enum Kind {
    TEXT("txt"),
    MARKDOWN("md"),
    HTML("html"),
    PDF("pdf"),
    DOCX("docx");

    final String extension;

    Kind(String extension) {
      this.extension = extension;
    }
  }

  private static final int MIN_SECTIONS = 1;
  private static final int MAX_SECTIONS = 12;
  private static final int MAX_PARAGRAPHS = 5;
  private static final int MAX_SENTENCES = 8;
  private static final int PDF_LINE_CHARS = 95;
  private static final int PDF_LINES_PER_PAGE = 60;

  private final List<String> sentences;
  private final Random random;

  DocumentCorpus(List<String> sentences, long seed) {
    this.sentences = sentences;
    this.random = new Random(seed);
  }

  /** A document's content before it is written in a format. */
  private record Content(String title, List<Section> sections) {}

  private record Section(String heading, List<String> paragraphs) {}

  /** Writes {@code count} documents of a kind into a folder; returns their total size in bytes. */
  long write(Kind kind, int count, Path folder) throws IOException {
    Files.createDirectories(folder);
    long bytes = 0;
    for (int i = 0; i < count; i++) {
      Content content = content();
      Path file = folder.resolve(String.format("doc-%04d.%s", i, kind.extension));
      try (OutputStream out = Files.newOutputStream(file)) {
        switch (kind) {
          case TEXT -> out.write(text(content).getBytes(StandardCharsets.UTF_8));
          case MARKDOWN -> out.write(markdown(content).getBytes(StandardCharsets.UTF_8));
          case HTML -> out.write(html(content).getBytes(StandardCharsets.UTF_8));
          case PDF -> pdf(content, out);
          case DOCX -> docx(content, out);
        }
      }
      bytes += Files.size(file);
    }
    return bytes;
  }

  private Content content() {
    List<Section> sections = new ArrayList<>();
    int sectionCount = MIN_SECTIONS + random.nextInt(MAX_SECTIONS);
    for (int s = 0; s < sectionCount; s++) {
      List<String> paragraphs = new ArrayList<>();
      int paragraphCount = 1 + random.nextInt(MAX_PARAGRAPHS);
      for (int p = 0; p < paragraphCount; p++) {
        StringBuilder paragraph = new StringBuilder();
        int sentenceCount = 2 + random.nextInt(MAX_SENTENCES);
        for (int n = 0; n < sentenceCount; n++) {
          paragraph.append(n == 0 ? "" : " ").append(sentence());
        }
        paragraphs.add(paragraph.toString());
      }
      sections.add(new Section(stripStop(sentence()), paragraphs));
    }
    return new Content(stripStop(sentence()), sections);
  }

  private String sentence() {
    return sentences.get(random.nextInt(sentences.size()));
  }

  private static String stripStop(String sentence) {
    return sentence.endsWith(".") ? sentence.substring(0, sentence.length() - 1) : sentence;
  }

  private static String text(Content content) {
    StringBuilder text = new StringBuilder(content.title()).append("\n\n");
    for (Section section : content.sections()) {
      text.append(section.heading()).append("\n\n");
      section.paragraphs().forEach(p -> text.append(p).append("\n\n"));
    }
    return text.toString();
  }

  private static String markdown(Content content) {
    StringBuilder text = new StringBuilder("# ").append(content.title()).append("\n\n");
    for (Section section : content.sections()) {
      text.append("## ").append(section.heading()).append("\n\n");
      section.paragraphs().forEach(p -> text.append(p).append("\n\n"));
    }
    return text.toString();
  }

  private static String html(Content content) {
    StringBuilder html =
        new StringBuilder(
                "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
            .append(escape(content.title()))
            .append("</title></head>\n<body>\n<h1>")
            .append(escape(content.title()))
            .append("</h1>\n");
    for (Section section : content.sections()) {
      html.append("<h2>").append(escape(section.heading())).append("</h2>\n");
      section.paragraphs().forEach(p -> html.append("<p>").append(escape(p)).append("</p>\n"));
    }
    return html.append("</body></html>\n").toString();
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /** A PDF laid out as a printed report: Helvetica lines, wrapped, sixty to a page. */
  private static void pdf(Content content, OutputStream out) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add(content.title());
    for (Section section : content.sections()) {
      lines.add("");
      lines.add(section.heading());
      for (String paragraph : section.paragraphs()) {
        lines.add("");
        lines.addAll(wrap(paragraph));
      }
    }
    try (PDDocument document = new PDDocument()) {
      document.getDocumentInformation().setTitle(content.title());
      PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      for (int from = 0; from < lines.size(); from += PDF_LINES_PER_PAGE) {
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        try (PDPageContentStream stream = new PDPageContentStream(document, page)) {
          stream.beginText();
          stream.setFont(font, 10);
          stream.setLeading(12);
          stream.newLineAtOffset(50, 790);
          for (String line :
              lines.subList(from, Math.min(lines.size(), from + PDF_LINES_PER_PAGE))) {
            stream.showText(line);
            stream.newLine();
          }
          stream.endText();
        }
      }
      document.save(out);
    }
  }

  private static List<String> wrap(String paragraph) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : paragraph.split(" ")) {
      if (line.length() + word.length() + 1 > PDF_LINE_CHARS && !line.isEmpty()) {
        lines.add(line.toString());
        line.setLength(0);
      }
      line.append(line.isEmpty() ? "" : " ").append(word);
    }
    if (!line.isEmpty()) {
      lines.add(line.toString());
    }
    return lines;
  }

  /** A Word document with its title in the properties and styled headings. */
  private static void docx(Content content, OutputStream out) throws IOException {
    try (XWPFDocument document = new XWPFDocument()) {
      document.getProperties().getCoreProperties().setTitle(content.title());
      heading(document, content.title(), 20);
      for (Section section : content.sections()) {
        heading(document, section.heading(), 14);
        section.paragraphs().forEach(p -> document.createParagraph().createRun().setText(p));
      }
      document.write(out);
    }
  }

  private static void heading(XWPFDocument document, String text, int size) {
    XWPFRun run = document.createParagraph().createRun();
    run.setBold(true);
    run.setFontSize(size);
    run.setText(text);
  }
}
