package dev.warden.code;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The SDK class name of a service however code names it: boto3 service ids ({@code dynamodb},
 * {@code stepfunctions}, {@code cognito-idp}), JavaScript v3 packages
 * ({@code @aws-sdk/client-sfn}), Java v2 clients ({@code DynamoDbClient}, {@code SfnAsyncClient}),
 * JavaScript v2 classes. Names are compared without case, punctuation and a {@code client} suffix;
 * the names that differ between SDKs are listed here.
 */
final class SdkServices {

  /** Normalised names that are not simply the SDK class name. */
  private static final Map<String, String> ALIASES = aliases();

  private static Map<String, String> aliases() {
    Map<String, String> aliases = new HashMap<>();
    aliases.put("sfn", "StepFunctions");
    aliases.put("stepfunctions", "StepFunctions");
    aliases.put("events", "EventBridge");
    aliases.put("logs", "CloudWatchLogs");
    aliases.put("cloudwatchlogs", "CloudWatchLogs");
    aliases.put("cognitoidp", "CognitoIdentityServiceProvider");
    aliases.put("cognitoidentityprovider", "CognitoIdentityServiceProvider");
    aliases.put("iotdata", "IotData");
    aliases.put("iotdataplane", "IotData");
    aliases.put("rdsdata", "RDSDataService");
    aliases.put("elbv2", "ELBv2");
    aliases.put("elasticloadbalancingv2", "ELBv2");
    aliases.put("firehose", "Firehose");
    aliases.put("kinesisfirehose", "Firehose");
    aliases.put("sesv2", "SESV2");
    aliases.put("dynamodbdocument", "DocumentClient");
    aliases.put("libdynamodb", "DocumentClient");
    aliases.put("documentclient", "DocumentClient");
    aliases.put("dynamodbenhanced", "DynamoDB");
    aliases.put("apigatewaymanagementapi", "ApiGatewayManagementApi");
    aliases.put("xray", "XRay");
    return aliases;
  }

  private SdkServices() {}

  /** The SDK class name, or the name as given when it is unknown. */
  static String canonical(String name) {
    String key = normalise(name);
    String alias = ALIASES.get(key);
    if (alias != null) {
      return alias;
    }
    String known = SdkActions.bundled().serviceByNormalisedName(key);
    return known != null ? known : name;
  }

  /**
   * Lower case, no punctuation, without {@code @aws-sdk/client-}, {@code Async} and {@code Client}.
   */
  static String normalise(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    int slash = lower.lastIndexOf('/');
    if (slash >= 0) {
      lower = lower.substring(slash + 1);
    }
    if (lower.startsWith("client-")) {
      lower = lower.substring("client-".length());
    }
    lower = lower.replaceAll("[^a-z0-9]", "");
    for (String suffix : new String[] {"asyncclient", "client"}) {
      if (lower.endsWith(suffix) && lower.length() > suffix.length()) {
        lower = lower.substring(0, lower.length() - suffix.length());
        break;
      }
    }
    return lower;
  }
}
