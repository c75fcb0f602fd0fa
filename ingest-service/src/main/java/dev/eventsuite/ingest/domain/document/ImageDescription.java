package dev.eventsuite.ingest.domain.document;

import java.util.List;
import java.util.Map;

/**
 * Text that makes an image findable: its name, format and size, when and with what it was taken,
 * where, and what an image analyser saw in it.
 */
public final class ImageDescription {

  private ImageDescription() {}

  /**
   * @param properties the image's metadata as Apache Tika reads it
   * @param labels what an analyser saw, most certain first; empty without one
   */
  public static String describe(
      String fileName, String mediaType, Map<String, String> properties, List<String> labels) {
    StringBuilder text = new StringBuilder("# ").append(fileName).append("\n\n");
    text.append("Image, ").append(format(mediaType));
    String width = first(properties, "tiff:ImageWidth", "Image Width", "width");
    String height = first(properties, "tiff:ImageLength", "Image Height", "height");
    if (width != null && height != null) {
      text.append(", ")
          .append(number(width))
          .append(" × ")
          .append(number(height))
          .append(" pixels");
    }
    text.append(".\n");
    String taken = first(properties, "exif:DateTimeOriginal", "dcterms:created");
    String make = first(properties, "tiff:Make");
    String model = first(properties, "tiff:Model");
    if (taken != null || model != null) {
      text.append("Taken");
      if (taken != null) {
        text.append(' ').append(taken);
      }
      if (model != null) {
        text.append(" with ")
            .append(make != null && !model.startsWith(make) ? make + " " + model : model);
      }
      text.append(".\n");
    }
    String latitude = first(properties, "geo:lat");
    String longitude = first(properties, "geo:long");
    if (latitude != null && longitude != null) {
      text.append("Location ").append(latitude).append(", ").append(longitude).append(".\n");
    }
    String description = first(properties, "dc:description", "Image Description");
    if (description != null) {
      text.append(description.strip()).append('\n');
    }
    if (!labels.isEmpty()) {
      text.append("Shows: ").append(String.join(", ", labels)).append(".\n");
    }
    return text.toString().strip();
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
