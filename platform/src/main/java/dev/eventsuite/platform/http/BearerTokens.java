package dev.eventsuite.platform.http;

import dev.eventsuite.platform.config.SuiteConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.jose4j.keys.resolvers.VerificationKeyResolver;
import org.jose4j.lang.JoseException;
import org.jose4j.lang.UnresolvableKeyException;

/**
 * Verifies OAuth2/OIDC access tokens: signed (RS256, ES256 or their larger kin) by a key of the
 * configured JWKS, from the configured issuer, for the configured audience, not expired. The
 * caller's permissions come from one claim ({@code suite.auth.jwt.permissions-claim}).
 */
@ApplicationScoped
public class BearerTokens {

  private static final String[] ALGORITHMS = {
    AlgorithmIdentifiers.RSA_USING_SHA256,
    AlgorithmIdentifiers.RSA_USING_SHA384,
    AlgorithmIdentifiers.RSA_USING_SHA512,
    AlgorithmIdentifiers.RSA_PSS_USING_SHA256,
    AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256,
    AlgorithmIdentifiers.ECDSA_USING_P384_CURVE_AND_SHA384
  };

  private final JwtConsumer consumer;
  private final String permissionsClaim;

  @Inject
  public BearerTokens(SuiteConfig config) {
    SuiteConfig.Jwt jwt = config.auth().jwt();
    this.permissionsClaim = jwt.permissionsClaim();
    this.consumer =
        jwt.issuer()
            .map(
                issuer ->
                    new JwtConsumerBuilder()
                        .setExpectedIssuer(issuer)
                        .setExpectedAudience(jwt.audience())
                        .setRequireExpirationTime()
                        .setRequireSubject()
                        .setAllowedClockSkewInSeconds((int) jwt.clockSkew().toSeconds())
                        .setJwsAlgorithmConstraints(
                            AlgorithmConstraints.ConstraintType.PERMIT, ALGORITHMS)
                        .setVerificationKeyResolver(
                            keys(
                                jwt.jwks()
                                    .orElseThrow(
                                        () ->
                                            new IllegalStateException(
                                                "suite.auth.jwt.issuer is set:"
                                                    + " suite.auth.jwt.jwks must name its keys"))))
                        .build())
            .orElse(null);
  }

  /** Whether tokens are accepted at all. */
  public boolean enabled() {
    return consumer != null;
  }

  /** Whether a presented credential has the shape of a JWT rather than of a key. */
  public static boolean looksLikeJwt(String credential) {
    return credential.chars().filter(c -> c == '.').count() == 2;
  }

  /**
   * The caller a token stands for.
   *
   * @throws InvalidToken with a reason the caller can act on
   */
  public Caller verify(String token) {
    if (consumer == null) {
      throw new InvalidToken("bearer tokens are not accepted here: send the API key");
    }
    try {
      JwtClaims claims = consumer.processToClaims(token);
      return Caller.of(claims.getSubject(), permissions(claims));
    } catch (InvalidJwtException e) {
      throw new InvalidToken(reason(e));
    } catch (MalformedClaimException e) {
      throw new InvalidToken("the token's claims are malformed: " + e.getMessage());
    }
  }

  private List<String> permissions(JwtClaims claims) throws MalformedClaimException {
    Object value = claims.getClaimValue(permissionsClaim);
    if (value == null) {
      return List.of();
    }
    if (value instanceof String text) {
      return Arrays.stream(text.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
    }
    return claims.getStringListClaimValue(permissionsClaim);
  }

  private static String reason(InvalidJwtException e) {
    if (e.hasExpired()) {
      return "the token has expired";
    }
    if (e.hasErrorCode(ErrorCodes.ISSUER_INVALID)) {
      return "the token is not from the configured issuer";
    }
    if (e.hasErrorCode(ErrorCodes.AUDIENCE_INVALID)
        || e.hasErrorCode(ErrorCodes.AUDIENCE_MISSING)) {
      return "the token is not meant for this audience";
    }
    if (e.hasErrorCode(ErrorCodes.SIGNATURE_INVALID)
        || e.hasErrorCode(ErrorCodes.SIGNATURE_MISSING)
        || e.getCause() instanceof UnresolvableKeyException) {
      return "the token's signature does not verify with the issuer's keys";
    }
    if (e.hasErrorCode(ErrorCodes.NOT_YET_VALID)) {
      return "the token is not valid yet";
    }
    return "the token is not valid";
  }

  private static VerificationKeyResolver keys(URI jwks) {
    String scheme = jwks.getScheme() == null ? "" : jwks.getScheme();
    if (scheme.equals("https") || scheme.equals("http")) {
      return new HttpsJwksVerificationKeyResolver(new HttpsJwks(jwks.toString()));
    }
    if (scheme.equals("file")) {
      try {
        String json = Files.readString(Path.of(jwks), StandardCharsets.UTF_8);
        return new JwksVerificationKeyResolver(new JsonWebKeySet(json).getJsonWebKeys());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the JWKS " + jwks, e);
      } catch (JoseException e) {
        throw new IllegalStateException("the JWKS " + jwks + " is not a JWK set", e);
      }
    }
    throw new IllegalStateException(
        "suite.auth.jwt.jwks must be an https: or file: URI, not " + jwks);
  }

  /** A token that does not stand for a caller. */
  public static final class InvalidToken extends RuntimeException {

    private static final long serialVersionUID = 1L;

    InvalidToken(String reason) {
      super(reason);
    }
  }
}
