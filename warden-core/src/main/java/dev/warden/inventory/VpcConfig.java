package dev.warden.inventory;

import java.util.List;

/** The subnets and security groups a function's network interfaces are placed in. */
public record VpcConfig(
    List<SymbolicText> subnetIds, List<SymbolicText> securityGroupIds, SourceLocation at) {
  public VpcConfig {
    subnetIds = List.copyOf(subnetIds);
    securityGroupIds = List.copyOf(securityGroupIds);
  }
}
