package dev.eventsuite.enrich.domain;

import org.apache.tika.langdetect.optimaize.OptimaizeLangDetector;
import org.apache.tika.language.detect.LanguageDetector;
import org.apache.tika.language.detect.LanguageResult;

/** Names the language of a text (ISO 639-1), using Apache Tika's Optimaize n-gram profiles. */
public final class LanguageIdentifier {

  /** Enough text to decide; more only costs time. */
  private static final int SAMPLE_LENGTH = 10_000;

  /** Shorter texts are too short to tell reliably. */
  private static final int MIN_LENGTH = 20;

  private final LanguageDetector detector;

  public LanguageIdentifier() {
    this.detector = new OptimaizeLangDetector().loadModels();
  }

  /** The language's ISO 639-1 code, or null when the text is too short or too mixed to tell. */
  public synchronized String identify(String text) {
    if (text.strip().length() < MIN_LENGTH) {
      return null;
    }
    detector.reset();
    detector.addText(text.length() > SAMPLE_LENGTH ? text.substring(0, SAMPLE_LENGTH) : text);
    LanguageResult result = detector.detect();
    return result.isReasonablyCertain() ? result.getLanguage() : null;
  }
}
