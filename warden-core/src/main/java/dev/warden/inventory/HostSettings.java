package dev.warden.inventory;

import java.util.List;
import java.util.Optional;

/**
 * The settings of what hosts an Azure or Google Cloud function: the Azure function app (TLS, FTP,
 * remote debugging, CORS, client certificates, network access, built-in authentication) and a
 * Google Cloud function's ingress and VPC connector. Empty for AWS functions, whose equivalents are
 * modelled on the function, its triggers and its APIs.
 */
public record HostSettings(
    Optional<Setting<Boolean>> httpsOnly,
    Optional<Setting<String>> minTlsVersion,
    Optional<Setting<String>> ftpsState,
    Optional<Setting<Boolean>> remoteDebugging,
    Optional<Setting<List<String>>> corsOrigins,
    Optional<Setting<String>> clientCertMode,
    Optional<Setting<Boolean>> publicNetworkAccess,
    Optional<Setting<String>> ingress,
    Optional<Setting<String>> vpcConnector,
    Optional<Setting<Boolean>> builtInAuth) {

  /** No host settings known (AWS functions). */
  public static final HostSettings NONE = builder().build();

  public static Builder builder() {
    return new Builder();
  }

  /** Collects the settings a loader finds, in any order. */
  public static final class Builder {
    private Setting<Boolean> httpsOnly;
    private Setting<String> minTlsVersion;
    private Setting<String> ftpsState;
    private Setting<Boolean> remoteDebugging;
    private Setting<List<String>> corsOrigins;
    private Setting<String> clientCertMode;
    private Setting<Boolean> publicNetworkAccess;
    private Setting<String> ingress;
    private Setting<String> vpcConnector;
    private Setting<Boolean> builtInAuth;

    private Builder() {}

    public Builder httpsOnly(Setting<Boolean> value) {
      httpsOnly = value;
      return this;
    }

    public Builder minTlsVersion(Setting<String> value) {
      minTlsVersion = value;
      return this;
    }

    public Builder ftpsState(Setting<String> value) {
      ftpsState = value;
      return this;
    }

    public Builder remoteDebugging(Setting<Boolean> value) {
      remoteDebugging = value;
      return this;
    }

    public Builder corsOrigins(Setting<List<String>> value) {
      corsOrigins = value;
      return this;
    }

    public Builder clientCertMode(Setting<String> value) {
      clientCertMode = value;
      return this;
    }

    public Builder publicNetworkAccess(Setting<Boolean> value) {
      publicNetworkAccess = value;
      return this;
    }

    public Builder ingress(Setting<String> value) {
      ingress = value;
      return this;
    }

    public Builder vpcConnector(Setting<String> value) {
      vpcConnector = value;
      return this;
    }

    public Builder builtInAuth(Setting<Boolean> value) {
      builtInAuth = value;
      return this;
    }

    public HostSettings build() {
      return new HostSettings(
          Optional.ofNullable(httpsOnly),
          Optional.ofNullable(minTlsVersion),
          Optional.ofNullable(ftpsState),
          Optional.ofNullable(remoteDebugging),
          Optional.ofNullable(corsOrigins),
          Optional.ofNullable(clientCertMode),
          Optional.ofNullable(publicNetworkAccess),
          Optional.ofNullable(ingress),
          Optional.ofNullable(vpcConnector),
          Optional.ofNullable(builtInAuth));
    }
  }
}
