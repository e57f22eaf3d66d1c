package dev.warden.aws;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * The SDK clients of one collection, one per service and region, made on first use and shared by
 * every thread: one HTTP client, one credentials provider (the default chain, a profile, or an
 * assumed role on top of either), the SDK's adaptive retry strategy (it slows down when AWS
 * throttles and retries), the call ledger on every client, and the endpoint override when given.
 */
final class AwsClients implements AutoCloseable {

  /**
   * Throttled calls are retried; a collection of thousands of calls needs more than the default.
   */
  static final int MAX_ATTEMPTS = 8;

  private final SdkHttpClient http;
  private final AwsCredentialsProvider base;
  private final AwsCredentialsProvider credentials;
  private final Optional<URI> endpoint;
  private final CallLedger ledger;
  private final Map<String, SdkClient> clients = new ConcurrentHashMap<>();
  private final Optional<StsClient> assumeWith;

  AwsClients(CollectOptions options, CallLedger ledger) {
    this.ledger = ledger;
    this.endpoint = options.endpoint();
    this.http =
        UrlConnectionHttpClient.builder()
            .connectionTimeout(Duration.ofSeconds(10))
            .socketTimeout(Duration.ofSeconds(60))
            .build();
    this.base =
        options
            .profile()
            .<AwsCredentialsProvider>map(
                p -> ProfileCredentialsProvider.builder().profileName(p).build())
            .orElseGet(() -> DefaultCredentialsProvider.builder().build());
    if (options.roleArn().isPresent()) {
      Region home = Region.of(options.regions().isEmpty() ? "us-east-1" : options.regions().get(0));
      StsClient sts = configure(StsClient.builder(), home, base);
      this.assumeWith = Optional.of(sts);
      this.credentials =
          StsAssumeRoleCredentialsProvider.builder()
              .stsClient(sts)
              .refreshRequest(
                  r -> {
                    r.roleArn(options.roleArn().get()).roleSessionName("warden-collect");
                    options.externalId().ifPresent(r::externalId);
                  })
              .build();
    } else {
      this.assumeWith = Optional.empty();
      this.credentials = base;
    }
  }

  /** The credentials every client signs with (resolving them may assume the role). */
  AwsCredentialsProvider credentials() {
    return credentials;
  }

  boolean assumesRole() {
    return assumeWith.isPresent();
  }

  private <B extends AwsSyncClientBuilder<B, C> & AwsClientBuilder<B, C>, C> C configure(
      B builder, Region region, AwsCredentialsProvider provider) {
    builder
        .httpClient(http)
        .credentialsProvider(provider)
        .region(region)
        .overrideConfiguration(
            o ->
                o.retryStrategy(
                        AwsRetryStrategy.adaptiveRetryStrategy().toBuilder()
                            .maxAttempts(MAX_ATTEMPTS)
                            .build())
                    .addExecutionInterceptor(ledger)
                    .apiCallTimeout(Duration.ofMinutes(5)));
    endpoint.ifPresent(builder::endpointOverride);
    return builder.build();
  }

  @SuppressWarnings("unchecked")
  private <C extends SdkClient> C cached(String service, Region region, Supplier<C> make) {
    return (C) clients.computeIfAbsent(service + "|" + region.id(), k -> make.get());
  }

  LambdaClient lambda(Region region) {
    return cached("lambda", region, () -> configure(LambdaClient.builder(), region, credentials));
  }

  IamClient iam() {
    Region global = Region.AWS_GLOBAL;
    return cached("iam", global, () -> configure(IamClient.builder(), global, credentials));
  }

  StsClient sts(Region region) {
    return cached("sts", region, () -> configure(StsClient.builder(), region, credentials));
  }

  ApiGatewayClient apiGateway(Region region) {
    return cached(
        "apigateway", region, () -> configure(ApiGatewayClient.builder(), region, credentials));
  }

  ApiGatewayV2Client apiGatewayV2(Region region) {
    return cached(
        "apigatewayv2", region, () -> configure(ApiGatewayV2Client.builder(), region, credentials));
  }

  S3Client s3(Region region) {
    return cached(
        "s3",
        region,
        () -> {
          software.amazon.awssdk.services.s3.S3ClientBuilder builder = S3Client.builder();
          if (endpoint.isPresent()) {
            builder.forcePathStyle(true);
          } else {
            builder.crossRegionAccessEnabled(true);
          }
          return configure(builder, region, credentials);
        });
  }

  SnsClient sns(Region region) {
    return cached("sns", region, () -> configure(SnsClient.builder(), region, credentials));
  }

  SqsClient sqs(Region region) {
    return cached("sqs", region, () -> configure(SqsClient.builder(), region, credentials));
  }

  EventBridgeClient events(Region region) {
    return cached(
        "events", region, () -> configure(EventBridgeClient.builder(), region, credentials));
  }

  CloudWatchClient cloudWatch(Region region) {
    return cached(
        "cloudwatch", region, () -> configure(CloudWatchClient.builder(), region, credentials));
  }

  CloudWatchLogsClient logs(Region region) {
    return cached(
        "logs", region, () -> configure(CloudWatchLogsClient.builder(), region, credentials));
  }

  @Override
  public void close() {
    clients.values().forEach(SdkClient::close);
    assumeWith.ifPresent(StsClient::close);
    if (credentials instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        // nothing left to release
      }
    }
    http.close();
  }
}
