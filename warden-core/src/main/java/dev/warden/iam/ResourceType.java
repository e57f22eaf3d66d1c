package dev.warden.iam;

import java.util.List;

/**
 * A resource type of a service, with the ARN format AWS documents ({@code
 * arn:${Partition}:s3:::${BucketName}/${ObjectName}}).
 */
public record ResourceType(
    String service, String name, String arnFormat, List<String> conditionKeys) {
  public ResourceType {
    conditionKeys = List.copyOf(conditionKeys);
  }
}
