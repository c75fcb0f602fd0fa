package dev.eventsuite.ingest.domain.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real documents, made by the tools people make them with (pdfTeX from DocBook and from Texinfo,
 * DocBook's HTML, pandoc's DOCX and ODT), read as a user's upload is read: each sentence whose text
 * is known comes out whole, its words separated where the PDF breaks its lines. Where the files
 * come from: src/test/resources/extraction-corpus/SOURCE.md.
 */
class ExtractionCorpusTest {

  private static final List<String> USERS_AND_GROUPS =
      List.of(
          "This document is free; you can redistribute it and/or modify it under the terms of"
              + " version 2 of the GNU General Public License",
          "Some unprivileged daemons that need to be able to write to some files on disk run as"
              + " daemon",
          "The update-passwd tool keeps the entries in these master files in sync on all Debian"
              + " systems");

  record Known(String file, String title, List<String> sentences) {
    @Override
    public String toString() {
      return file;
    }
  }

  static Stream<Known> corpus() {
    return Stream.of(
        new Known(
            "shared-mime-info-spec.pdf",
            null,
            List.of(
                "Frequently, it is necessary to work out the correct MIME type for a file",
                "examining the file’s name or contents",
                "a list of applications that can be used to view or edit files of that type",
                "Shared MIME-info Database X Desktop Group",
                "Thomas Leonard tal197 at users.sf.net")),
        new Known(
            "libtasn1.pdf",
            null,
            List.of(
                "Anybody can use, modify, and redistribute the library under the terms of the GNU"
                    + " Lesser General Public License version 2.1 or later",
                "No global variables are used and multiple library handles and session handles may"
                    + " be used in parallel",
                "The library itself should be portable to any C89 system")),
        new Known(
            "shared-mime-info-spec-database.html",
            "Unified system",
            List.of(
                "it was clear that the differences between the databases were simply a result of"
                    + " them being separate",
                "A standard way of getting the MIME type for a file.")),
        new Known(
            "users-and-groups.html", "Users and Groups in the Debian System", USERS_AND_GROUPS),
        new Known(
            "users-and-groups.docx", "Users and Groups in the Debian System", USERS_AND_GROUPS),
        new Known(
            "users-and-groups.odt", "Users and Groups in the Debian System", USERS_AND_GROUPS));
  }

  @TempDir Path spool;

  @ParameterizedTest
  @MethodSource("corpus")
  void shouldReadEveryKnownSentenceWithItsWordsSeparated(Known known) throws Exception {
    ExtractedDocument document;
    try (InputStream file = getClass().getResourceAsStream("/extraction-corpus/" + known.file())) {
      document = new DocumentExtractor(spool, 10_000_000).extract(file, known.file());
    }
    String text = Files.readString(document.text()).replaceAll("\\s+", " ");

    assertThat(document.title()).isEqualTo(known.title());
    assertThat(known.sentences()).allSatisfy(sentence -> assertThat(text).contains(sentence));
  }
}
