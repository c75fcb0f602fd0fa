package dev.eventsuite.launcher.kafka;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The local broker's TLS identity: a self-signed certificate for the names clients connect to, made
 * on first start and kept in a folder, as the API key is. The broker serves it from {@code
 * broker.pem} (private key and certificate, readable by their owner only); clients trust {@code
 * truststore.pem} (the certificate alone), so no password is involved.
 *
 * @param folder where the two files are kept
 */
public record BrokerTls(Path folder) {

  private static final Duration VALIDITY = Duration.ofDays(825);

  /** A certificate this close to expiry is replaced on the next start. */
  private static final Duration RENEW_BEFORE = Duration.ofDays(30);

  /** The broker's private key followed by its certificate, in PEM. */
  public Path keyStore() {
    return folder.resolve("broker.pem");
  }

  /** The certificate clients trust, in PEM. */
  public Path trustStore() {
    return folder.resolve("truststore.pem");
  }

  /**
   * The identity kept in the folder, made first when there is none, when it expires within 30 days
   * or when it does not name every host given.
   *
   * @param hostNames the names (or IP addresses) clients reach the broker by
   */
  public static BrokerTls createIfMissing(Path folder, Set<String> hostNames) {
    BrokerTls tls = new BrokerTls(folder);
    Set<String> names = new LinkedHashSet<>(List.of("localhost", "127.0.0.1"));
    names.addAll(hostNames);
    if (!tls.isCurrent(names)) {
      tls.create(names);
    }
    return tls;
  }

  /** Broker settings that serve this identity on the named listener. */
  public Map<String, String> listenerSettings(String listenerName) {
    String prefix = "listener.name." + listenerName.toLowerCase(java.util.Locale.ROOT) + ".";
    return Map.of(
        prefix + "ssl.keystore.type",
        "PEM",
        prefix + "ssl.keystore.location",
        keyStore().toString());
  }

  /** Client settings ({@code kafka.*} without the prefix) that connect over TLS trusting it. */
  public Map<String, String> clientSettings() {
    return Map.of(
        "security.protocol", "SSL",
        "ssl.truststore.type", "PEM",
        "ssl.truststore.location", trustStore().toString());
  }

  private boolean isCurrent(Set<String> names) {
    if (!Files.exists(keyStore()) || !Files.exists(trustStore())) {
      return false;
    }
    try (var in = Files.newInputStream(trustStore())) {
      X509Certificate certificate =
          (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
      boolean fresh =
          certificate.getNotAfter().toInstant().isAfter(Instant.now().plus(RENEW_BEFORE));
      Set<String> named = new LinkedHashSet<>();
      var alternatives = certificate.getSubjectAlternativeNames();
      if (alternatives != null) {
        alternatives.forEach(entry -> named.add(String.valueOf(entry.get(1))));
      }
      return fresh && named.containsAll(names);
    } catch (IOException | CertificateException e) {
      return false;
    }
  }

  private void create(Set<String> names) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      KeyPair keys = generator.generateKeyPair();
      X509Certificate certificate = selfSigned(keys, names);
      Files.createDirectories(folder);
      write(keyStore(), pem(new JcaPKCS8Generator(keys.getPrivate(), null), certificate), true);
      write(trustStore(), pem(certificate), false);
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IllegalStateException("cannot make the broker's TLS certificate", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the broker's TLS certificate to " + folder, e);
    }
  }

  private static X509Certificate selfSigned(KeyPair keys, Set<String> names)
      throws CertIOException, OperatorCreationException, CertificateException {
    Instant now = Instant.now();
    X500Name subject = new X500Name("CN=localhost,O=Event Suite local broker");
    X509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            subject,
            new BigInteger(64, new SecureRandom()),
            Date.from(now.minus(Duration.ofHours(1))),
            Date.from(now.plus(VALIDITY)),
            subject,
            keys.getPublic());
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
    builder.addExtension(
        Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyAgreement));
    builder.addExtension(
        Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
    List<GeneralName> alternatives = new ArrayList<>();
    for (String name : names) {
      boolean address = name.chars().allMatch(c -> Character.isDigit(c) || c == '.' || c == ':');
      alternatives.add(
          new GeneralName(address ? GeneralName.iPAddress : GeneralName.dNSName, name));
    }
    builder.addExtension(
        Extension.subjectAlternativeName,
        false,
        new GeneralNames(alternatives.toArray(GeneralName[]::new)));
    var signer = new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate());
    return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
  }

  private static String pem(Object... objects) throws IOException {
    Writer text = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
      for (Object object : objects) {
        writer.writeObject(object);
      }
    }
    return text.toString();
  }

  /** Replaces the file in one step, so a broker or client never reads half of it. */
  private static void write(Path file, String content, boolean ownerOnly) throws IOException {
    Path partial = file.resolveSibling(file.getFileName() + ".partial");
    Files.deleteIfExists(partial);
    Files.createFile(partial);
    if (ownerOnly && FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-------"));
    }
    Files.writeString(partial, content, StandardCharsets.US_ASCII);
    Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
