package dev.eventsuite.ingest;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Calendar;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/** Real files of the formats ingest-service reads, made here rather than kept as binaries. */
public final class Fixtures {

  private Fixtures() {}

  /** A PDF with a title and one line of text per page. */
  public static byte[] pdf(String title, String... pages) {
    return pdf(title, false, pages);
  }

  /** A PDF that opens only with a password. */
  public static byte[] encryptedPdf(String... pages) {
    return pdf("Secret", true, pages);
  }

  private static byte[] pdf(String title, boolean encrypted, String... pages) {
    try (PDDocument document = new PDDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      document.getDocumentInformation().setTitle(title);
      Calendar created = Calendar.getInstance();
      created.setTimeInMillis(1_700_000_000_000L);
      document.getDocumentInformation().setCreationDate(created);
      for (String text : pages) {
        PDPage page = new PDPage();
        document.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
          content.beginText();
          content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
          content.newLineAtOffset(72, 700);
          content.showText(text);
          content.endText();
        }
      }
      if (encrypted) {
        StandardProtectionPolicy policy =
            new StandardProtectionPolicy("owner-secret", "user-secret", new AccessPermission());
        policy.setEncryptionKeyLength(128);
        document.protect(policy);
      }
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A Word document with a title and paragraphs. */
  public static byte[] docx(String title, String... paragraphs) {
    try (XWPFDocument document = new XWPFDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      document.getProperties().getCoreProperties().setTitle(title);
      for (String text : paragraphs) {
        document.createParagraph().createRun().setText(text);
      }
      document.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A PNG of the given size. */
  public static byte[] png(int width, int height) {
    return image("png", width, height);
  }

  /** A JPEG whose EXIF says which camera took it, and when. */
  public static byte[] jpegWithExif(
      int width, int height, String make, String model, String takenAt) {
    byte[] jpeg = image("jpg", width, height);
    byte[] exif = exifSegment(make, model, takenAt);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(jpeg, 0, 2); // SOI, then the EXIF segment before the rest
    out.write(exif, 0, exif.length);
    out.write(jpeg, 2, jpeg.length - 2);
    return out.toByteArray();
  }

  private static byte[] image(String format, int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D graphics = image.createGraphics();
    graphics.setColor(Color.ORANGE);
    graphics.fillRect(0, 0, width, height);
    graphics.dispose();
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      ImageIO.write(image, format, out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * An APP1 segment holding a little-endian TIFF structure: IFD0 (make, model) and an EXIF IFD
   * (date).
   */
  private static byte[] exifSegment(String make, String model, String takenAt) {
    byte[] makeBytes = ascii(make);
    byte[] modelBytes = ascii(model);
    byte[] dateBytes = ascii(takenAt);
    int ifd0 = 8;
    int ifd0Size = 2 + 3 * 12 + 4;
    int exifIfd = ifd0 + ifd0Size;
    int exifIfdSize = 2 + 12 + 4;
    int data = exifIfd + exifIfdSize;
    ByteBuffer tiff =
        ByteBuffer.allocate(data + makeBytes.length + modelBytes.length + dateBytes.length)
            .order(ByteOrder.LITTLE_ENDIAN);
    tiff.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(ifd0);
    tiff.putShort((short) 3);
    entry(tiff, 0x010F, 2, makeBytes.length, data);
    entry(tiff, 0x0110, 2, modelBytes.length, data + makeBytes.length);
    entry(tiff, 0x8769, 4, 1, exifIfd);
    tiff.putInt(0);
    tiff.putShort((short) 1);
    entry(tiff, 0x9003, 2, dateBytes.length, data + makeBytes.length + modelBytes.length);
    tiff.putInt(0);
    tiff.put(makeBytes).put(modelBytes).put(dateBytes);
    byte[] header = "Exif\0\0".getBytes(StandardCharsets.US_ASCII);
    int length = 2 + header.length + tiff.capacity();
    ByteBuffer segment = ByteBuffer.allocate(2 + length).order(ByteOrder.BIG_ENDIAN);
    segment
        .put((byte) 0xFF)
        .put((byte) 0xE1)
        .putShort((short) length)
        .put(header)
        .put(tiff.array());
    return segment.array();
  }

  private static void entry(ByteBuffer tiff, int tag, int type, int count, int valueOffset) {
    tiff.putShort((short) tag).putShort((short) type).putInt(count).putInt(valueOffset);
  }

  private static byte[] ascii(String text) {
    return (text + "\0").getBytes(StandardCharsets.US_ASCII);
  }
}
