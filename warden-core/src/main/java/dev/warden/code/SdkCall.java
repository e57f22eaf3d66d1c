package dev.warden.code;

/**
 * An AWS SDK operation as code calls it, normalised: the service by its SDK class name ({@code S3},
 * {@code DynamoDB}, {@code DocumentClient}) and the operation in PascalCase ({@code
 * ListObjectsV2}), whatever the language wrote ({@code list_objects_v2}, {@code listObjectsV2},
 * {@code ListObjectsV2Command}).
 */
public record SdkCall(String service, String operation) {

  /** Python (boto3): {@code client('dynamodb').put_item} or a resource's {@code Table.put_item}. */
  public static SdkCall python(String service, String method) {
    return new SdkCall(SdkServices.canonical(service), pascal(method));
  }

  /** {@code list_objects_v2} becomes {@code ListObjectsV2}. */
  public static String pascal(String snake) {
    StringBuilder pascal = new StringBuilder();
    for (String word : snake.split("_", -1)) {
      if (!word.isEmpty()) {
        pascal.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
      }
    }
    return pascal.toString();
  }

  /**
   * The SDK class name of a service however code names it ({@code dynamodb}, {@code SfnClient}).
   */
  public static String service(String name) {
    return SdkServices.canonical(name);
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

  /** {@code S3.GetObject}: also the key of the bundled table. */
  @Override
  public String toString() {
    return service + "." + operation;
  }
}
