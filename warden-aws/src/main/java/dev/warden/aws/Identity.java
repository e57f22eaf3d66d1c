package dev.warden.aws;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * Who the collector runs as ({@code sts:GetCallerIdentity}, which needs no permission): the account
 * and partition the snapshot describes. This is the first call, so it is where missing credentials,
 * refused credentials and a role that cannot be assumed are turned into one message that says what
 * to set.
 */
record Identity(String account, String arn, String partition) {

  static Identity of(AwsClients clients, CollectOptions options) {
    Region home = Region.of(options.regions().isEmpty() ? "us-east-1" : options.regions().get(0));
    if (clients.assumesRole()) {
      try {
        clients.credentials().resolveCredentials();
      } catch (AwsServiceException e) {
        throw new CollectException(
            "cannot assume role "
                + options.roleArn().orElse("")
                + ": "
                + CallRunner.errorCode(e)
                + messageOf(e),
            "The role's trust policy must let your identity call sts:AssumeRole"
                + (options.externalId().isPresent()
                    ? " with this --external-id"
                    : "; if it asks for an external id, pass --external-id")
                + ", and your identity needs sts:AssumeRole on the role.",
            e);
      } catch (SdkClientException e) {
        throw noCredentials(e);
      }
    }
    try {
      GetCallerIdentityResponse me = clients.sts(home).getCallerIdentity();
      String partition = me.arn().split(":", 3)[1];
      return new Identity(me.account(), me.arn(), partition);
    } catch (AwsServiceException e) {
      throw new CollectException(
          "AWS refused the credentials: " + CallRunner.errorCode(e) + messageOf(e),
          "Refresh them (aws sso login, new access keys, or a valid AWS_SESSION_TOKEN) and check"
              + " the clock of this machine.",
          e);
    } catch (SdkClientException e) {
      throw noCredentials(e);
    } catch (SdkException e) {
      throw new CollectException(
          "cannot reach AWS STS: " + e.getMessage(),
          "Check the network, a proxy, or --endpoint-url.",
          e);
    }
  }

  private static String messageOf(AwsServiceException e) {
    String message = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorMessage();
    return message == null || message.isBlank() ? "" : " (" + message + ")";
  }

  private static CollectException noCredentials(SdkClientException e) {
    String message = String.valueOf(e.getMessage());
    if (message.startsWith("Unable to load credentials from any of the providers")) {
      return new CollectException(
          "no AWS credentials found (none in the environment, the shared config and credentials"
              + " files, SSO, or a container or instance role)",
          "Set AWS_PROFILE or pass --profile (a profile of ~/.aws/config), or set"
              + " AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or run `aws sso login`.",
          e);
    }
    if (message.contains("credentials") || message.contains("profile")) {
      return new CollectException(
          "no AWS credentials found: " + firstLine(message),
          "Set AWS_PROFILE or pass --profile (a profile of ~/.aws/config), or set"
              + " AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or run `aws sso login`; the"
              + " collector uses the AWS SDK's default credential chain.",
          e);
    }
    return new CollectException(
        "cannot reach AWS STS: " + firstLine(message),
        "Check the network, a proxy, or --endpoint-url.",
        e);
  }

  private static String firstLine(String message) {
    int end = message.indexOf('\n');
    String line = end < 0 ? message : message.substring(0, end);
    return line.length() > 300 ? line.substring(0, 300) + "…" : line;
  }
}
