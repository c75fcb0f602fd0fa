package dev.eventsuite.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * An identity provider for tests: an RSA key published as a JWKS file, and access tokens signed
 * with it (or with a key it does not publish). {@link Issuer} points a service at it.
 */
public final class TestTokens {

  public static final String ISSUER = "https://identity.test.example";
  public static final String AUDIENCE = "event-suite";

  private static final RsaJsonWebKey KEY = generate("test-key");
  private static final RsaJsonWebKey UNPUBLISHED = generate("other-key");
  private static final Path JWKS = publish(KEY);

  private TestTokens() {}

  /** A token of the issuer for the audience, valid for an hour, with these permissions. */
  public static String withPermissions(String... permissions) {
    return sign(
        KEY, claims(ISSUER, AUDIENCE, Instant.now().plus(Duration.ofHours(1)), permissions));
  }

  /** A token like {@link #withPermissions} that expired a minute ago, beyond any clock skew. */
  public static String expired(String... permissions) {
    return sign(
        KEY, claims(ISSUER, AUDIENCE, Instant.now().minus(Duration.ofMinutes(5)), permissions));
  }

  /** A valid-looking token of another issuer. */
  public static String fromAnotherIssuer(String... permissions) {
    return sign(
        KEY,
        claims(
            "https://elsewhere.example",
            AUDIENCE,
            Instant.now().plus(Duration.ofHours(1)),
            permissions));
  }

  /** A token meant for another audience. */
  public static String forAnotherAudience(String... permissions) {
    return sign(
        KEY, claims(ISSUER, "another-api", Instant.now().plus(Duration.ofHours(1)), permissions));
  }

  /** A token signed by a key the issuer does not publish. */
  public static String signedByAnotherKey(String... permissions) {
    return sign(
        UNPUBLISHED,
        claims(ISSUER, AUDIENCE, Instant.now().plus(Duration.ofHours(1)), permissions));
  }

  /** Makes a service accept the test issuer's tokens besides the API key. */
  public static final class Issuer implements QuarkusTestResourceLifecycleManager {
    @Override
    public Map<String, String> start() {
      return Map.of(
          "suite.auth.jwt.issuer", ISSUER,
          "suite.auth.jwt.audience", AUDIENCE,
          "suite.auth.jwt.jwks", JWKS.toUri().toString());
    }

    @Override
    public void stop() {
      // The key file goes when the JVM does.
    }
  }

  private static JwtClaims claims(
      String issuer, String audience, Instant expires, String... permissions) {
    JwtClaims claims = new JwtClaims();
    claims.setIssuer(issuer);
    claims.setAudience(audience);
    claims.setSubject("team-member@example.com");
    claims.setIssuedAt(
        NumericDate.fromSeconds(expires.minus(Duration.ofHours(1)).getEpochSecond()));
    claims.setExpirationTime(NumericDate.fromSeconds(expires.getEpochSecond()));
    claims.setClaim("scope", String.join(" ", permissions));
    return claims;
  }

  private static String sign(RsaJsonWebKey key, JwtClaims claims) {
    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload(claims.toJson());
    jws.setKey(key.getPrivateKey());
    jws.setKeyIdHeaderValue(key.getKeyId());
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
    try {
      return jws.getCompactSerialization();
    } catch (JoseException e) {
      throw new IllegalStateException(e);
    }
  }

  private static RsaJsonWebKey generate(String keyId) {
    try {
      RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
      key.setKeyId(keyId);
      return key;
    } catch (JoseException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Path publish(RsaJsonWebKey key) {
    try {
      Path file = Files.createTempFile("test-jwks-", ".json");
      file.toFile().deleteOnExit();
      String json = new JsonWebKeySet(key).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
      Files.writeString(file, json, StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
