package dev.eventsuite.launcher.oci;

import com.fasterxml.jackson.databind.JsonNode;
import com.oracle.bmc.Region;
import com.oracle.bmc.Service;
import com.oracle.bmc.Services;
import com.oracle.bmc.auth.BasicAuthenticationDetailsProvider;
import com.oracle.bmc.auth.RegionProvider;
import com.oracle.bmc.http.signing.DefaultRequestSigner;
import com.oracle.bmc.http.signing.RequestSigner;
import com.oracle.bmc.objectstorage.ObjectStorageClient;
import com.oracle.bmc.streaming.StreamAdminClient;
import com.oracle.bmc.streaming.StreamClient;
import dev.eventsuite.events.EventJson;
import dev.eventsuite.oci.OciClients;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The OCI APIs the operator commands call, through the OCI Java SDK's own clients and request
 * signer. One endpoint may stand in for every service's (a private endpoint, or a test's stub).
 */
public final class OciApis implements AutoCloseable {

  /** OCI Events; its SDK client is not one the suite builds against, its signer is the SDK's. */
  private static final Service EVENTS =
      Services.serviceBuilder()
          .serviceName("EVENTS")
          .serviceEndpointPrefix("events")
          .serviceEndpointTemplate("https://events.{region}.{secondLevelDomain}")
          .build();

  private static final String EVENTS_API_VERSION = "/20181201";

  private final BasicAuthenticationDetailsProvider authentication;
  private final Optional<String> region;
  private final Optional<String> endpoint;
  private final Duration timeout;
  private final List<AutoCloseable> clients = new ArrayList<>();

  public OciApis(
      BasicAuthenticationDetailsProvider authentication,
      Optional<String> region,
      Optional<String> endpoint,
      Duration timeout) {
    this.authentication = authentication;
    this.region = region;
    this.endpoint = endpoint;
    this.timeout = timeout;
  }

  public StreamAdminClient streamAdmin() {
    return keep(
        OciClients.located(StreamAdminClient.builder(), region, endpoint).build(authentication));
  }

  public ObjectStorageClient objectStorage() {
    return keep(
        OciClients.located(
                ObjectStorageClient.builder().isStreamWarningEnabled(false), region, endpoint)
            .build(authentication));
  }

  /** The Streaming messages API of one stream pool (a stream's {@code messagesEndpoint}). */
  public StreamClient streams(String messagesEndpoint) {
    return keep(
        StreamClient.builder().endpoint(endpoint.orElse(messagesEndpoint)).build(authentication));
  }

  /** GetRule of the Events API, as JSON. */
  public JsonNode eventsRule(String ruleId) throws IOException, InterruptedException {
    URI uri =
        URI.create(
            eventsEndpoint()
                + EVENTS_API_VERSION
                + "/rules/"
                + URLEncoder.encode(ruleId, StandardCharsets.UTF_8));
    RequestSigner signer = DefaultRequestSigner.createRequestSigner(authentication);
    Map<String, String> signed = signer.signRequest(uri, "GET", Map.of(), null);
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).GET();
    signed.forEach(
        (name, value) -> {
          if (!name.equalsIgnoreCase("host")) {
            request.header(name, value);
          }
        });
    HttpResponse<byte[]> response =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .build()
            .send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    JsonNode body = EventJson.mapper().readTree(response.body());
    if (response.statusCode() != 200) {
      throw new IOException(
          "the Events API answered "
              + response.statusCode()
              + " "
              + body.path("code").asText("")
              + ": "
              + body.path("message").asText(""));
    }
    return body;
  }

  private String eventsEndpoint() {
    if (endpoint.isPresent()) {
      return endpoint.get();
    }
    Region eventsRegion =
        region
            .map(Region::fromRegionCodeOrId)
            .orElseGet(
                () -> {
                  if (authentication instanceof RegionProvider provider) {
                    return provider.getRegion();
                  }
                  throw new IllegalStateException(
                      "no region: give --region, or a config-file profile with one");
                });
    return eventsRegion
        .getEndpoint(EVENTS)
        .orElseThrow(() -> new IllegalStateException("no Events endpoint in " + eventsRegion));
  }

  private <T extends AutoCloseable> T keep(T client) {
    clients.add(client);
    return client;
  }

  @Override
  public void close() {
    for (AutoCloseable client : clients) {
      try {
        client.close();
      } catch (Exception e) {
        throw new IllegalStateException("closing an OCI client failed", e);
      }
    }
  }
}
