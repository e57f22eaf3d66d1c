package dev.warden.inventory;

import java.util.List;
import java.util.Optional;

/**
 * An API in front of functions (API Gateway REST, HTTP or WebSocket; an Azure or Google HTTP front
 * end).
 *
 * @param endpointType {@code EDGE}, {@code REGIONAL} or {@code PRIVATE} (reachable only from a VPC)
 * @param defaultAuthorizer the authorizer routes use unless they say otherwise
 * @param resourcePolicy who may call the API at all
 * @param executeApiEndpointDisabled true when the default {@code execute-api} endpoint is off
 * @param stages the stages it is deployed to
 */
public record Api(
    String logicalId,
    Kind kind,
    SymbolicText name,
    String endpointType,
    Optional<String> defaultAuthorizer,
    List<Authorizer> authorizers,
    boolean apiKeyRequired,
    Optional<Cors> cors,
    Optional<Value> resourcePolicy,
    boolean executeApiEndpointDisabled,
    List<ApiStage> stages,
    SourceLocation at) {

  /**
   * True when the internet can reach the API: not a private endpoint, and no resource policy that
   * limits callers to a VPC, an account or an organisation.
   */
  public boolean isInternetFacing() {
    return !"PRIVATE".equalsIgnoreCase(endpointType)
        && !ResourcePolicies.restrictsCallers(resourcePolicy);
  }

  /** The API flavour. */
  public enum Kind {
    REST("rest"),
    HTTP("http"),
    WEBSOCKET("websocket");

    private final String wireName;

    Kind(String wireName) {
      this.wireName = wireName;
    }

    public String wireName() {
      return wireName;
    }
  }

  public Api {
    authorizers = List.copyOf(authorizers);
    stages = List.copyOf(stages);
  }

  /** True when the API is reachable only from inside a VPC. */
  public boolean isPrivate() {
    return endpointType.equals("PRIVATE");
  }

  public Optional<Authorizer> authorizer(String authorizerName) {
    return authorizers.stream().filter(a -> a.name().equals(authorizerName)).findFirst();
  }
}
