package dev.warden.code;

import java.util.Locale;

/**
 * An AWS SDK operation as code calls it, normalised: the service by its SDK class name ({@code S3},
 * {@code DynamoDB}, {@code DocumentClient}) and the operation in PascalCase ({@code
 * ListObjectsV2}), whatever the language wrote ({@code list_objects_v2}, {@code listObjectsV2},
 * {@code ListObjectsV2Command}).
 */
public record SdkCall(String service, String operation) {

  /** Python (boto3): {@code client('dynamodb').put_item} or a resource's {@code Table.put_item}. */
  public static SdkCall python(String service, String method) {
    StringBuilder pascal = new StringBuilder();
    for (String word : method.split("_", -1)) {
      if (!word.isEmpty()) {
        pascal.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
      }
    }
    return new SdkCall(SdkServices.canonical(service), pascal.toString());
  }

  /** JavaScript v2 ({@code new AWS.S3().getObject}) and Java v2 ({@code s3Client.getObject}). */
  public static SdkCall camel(String service, String method) {
    return new SdkCall(
        SdkServices.canonical(service),
        method.isEmpty() ? method : Character.toUpperCase(method.charAt(0)) + method.substring(1));
  }

  /**
   * JavaScript v3: {@code new GetObjectCommand(...)} sent by a client of
   * {@code @aws-sdk/client-s3}.
   */
  public static SdkCall command(String clientPackage, String command) {
    String operation =
        command.endsWith("Command") ? command.substring(0, command.length() - 7) : command;
    return new SdkCall(SdkServices.canonical(clientPackage), operation);
  }

  @Override
  public String toString() {
    return service + "." + operation;
  }

  /** The key of the bundled table. */
  String key() {
    return service + "." + operation;
  }

  String lowerService() {
    return service.toLowerCase(Locale.ROOT);
  }
}
