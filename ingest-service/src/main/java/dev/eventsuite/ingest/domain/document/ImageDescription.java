package dev.eventsuite.ingest.domain.document;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Text that makes an image findable: its name, format and size, when and with what it was taken,
 * where, and what an image analyser saw in it.
 */
public final class ImageDescription {

  static final String FORMAT = "image.format";
  static final String WIDTH = "image.width";
  static final String HEIGHT = "image.height";
  static final String TAKEN = "image.taken";
  static final String CAMERA = "image.camera";
  static final String LOCATION = "image.location";
  static final String LABELS = "image.labels";

  private ImageDescription() {}

  /**
   * @param properties the image's metadata as Apache Tika reads it
   * @param labels what an analyser saw, most certain first; empty without one
   */
  public static String describe(
      String fileName, String mediaType, Map<String, String> properties, List<String> labels) {
    Map<String, String> facts = facts(mediaType, properties, labels);
    StringBuilder text = new StringBuilder("# ").append(fileName).append("\n\n");
    text.append("Image, ").append(facts.get(FORMAT));
    if (facts.containsKey(WIDTH) && facts.containsKey(HEIGHT)) {
      text.append(", ")
          .append(facts.get(WIDTH))
          .append(" × ")
          .append(facts.get(HEIGHT))
          .append(" pixels");
    }
    text.append(".\n");
    if (facts.containsKey(TAKEN) || facts.containsKey(CAMERA)) {
      text.append("Taken");
      if (facts.containsKey(TAKEN)) {
        text.append(' ').append(facts.get(TAKEN));
      }
      if (facts.containsKey(CAMERA)) {
        text.append(" with ").append(facts.get(CAMERA));
      }
      text.append(".\n");
    }
    if (facts.containsKey(LOCATION)) {
      text.append("Location ").append(facts.get(LOCATION)).append(".\n");
    }
    String description = first(properties, "dc:description", "Image Description");
    if (description != null) {
      text.append(description.strip()).append('\n');
    }
    if (facts.containsKey(LABELS)) {
      text.append("Shows: ").append(facts.get(LABELS)).append(".\n");
    }
    return text.toString().strip();
  }

  /**
   * What the image analysis found, as metadata every chunk of the image carries (so a search result
   * and the search page show it): {@code image.format}, {@code image.width}, {@code image.height},
   * {@code image.taken}, {@code image.camera}, {@code image.location} and {@code image.labels}
   * (comma-separated, most certain first), each where known.
   */
  public static Map<String, String> facts(
      String mediaType, Map<String, String> properties, List<String> labels) {
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put(FORMAT, format(mediaType));
    String width = first(properties, "tiff:ImageWidth", "Image Width", "width");
    String height = first(properties, "tiff:ImageLength", "Image Height", "height");
    if (width != null && height != null) {
      facts.put(WIDTH, number(width));
      facts.put(HEIGHT, number(height));
    }
    String taken = first(properties, "exif:DateTimeOriginal", "dcterms:created");
    if (taken != null) {
      facts.put(TAKEN, taken);
    }
    String make = first(properties, "tiff:Make");
    String model = first(properties, "tiff:Model");
    if (model != null) {
      facts.put(CAMERA, make != null && !model.startsWith(make) ? make + " " + model : model);
    }
    String latitude = first(properties, "geo:lat");
    String longitude = first(properties, "geo:long");
    if (latitude != null && longitude != null) {
      facts.put(LOCATION, latitude + ", " + longitude);
    }
    if (!labels.isEmpty()) {
      facts.put(LABELS, String.join(", ", labels));
    }
    return facts;
  }

  private static String format(String mediaType) {
    String subtype = mediaType.substring(mediaType.indexOf('/') + 1);
    return subtype
        .replace("x-", "")
        .replace("jpeg", "JPEG")
        .replace("png", "PNG")
        .replace("gif", "GIF")
        .replace("tiff", "TIFF")
        .replace("webp", "WebP")
        .replace("bmp", "BMP");
  }

  private static String number(String value) {
    return value.replaceAll("[^0-9]", "");
  }

  private static String first(Map<String, String> properties, String... names) {
    for (String name : names) {
      String value = properties.get(name);
      if (value != null && !value.isBlank()) {
        return value.strip();
      }
    }
    return null;
  }
}
