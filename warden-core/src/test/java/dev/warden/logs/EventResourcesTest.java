package dev.warden.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Resource ARNs rebuilt from what services log when CloudTrail lists no resources. */
class EventResourcesTest {

  private static TrailEvent event(
      String source, Map<String, String> parameters, List<String> listed) {
    return new TrailEvent(
        "e1",
        0,
        source,
        "Call",
        "eu-west-1",
        "111122223333",
        "",
        "",
        "",
        "AssumedRole",
        "",
        "",
        "",
        "",
        listed,
        parameters,
        Map.of());
  }

  @ParameterizedTest(name = "{0} {1}={2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "dynamodb.amazonaws.com|tableName|Orders|arn:aws:dynamodb:eu-west-1:111122223333:table/Orders",
        "sqs.amazonaws.com|queueUrl|https://sqs.eu-west-1.amazonaws.com/111122223333/jobs|arn:aws:sqs:eu-west-1:111122223333:jobs",
        "lambda.amazonaws.com|functionName|resize|arn:aws:lambda:eu-west-1:111122223333:function:resize",
        "lambda.amazonaws.com|functionName|arn:aws:lambda:eu-west-1:444455556666:function:x|arn:aws:lambda:eu-west-1:444455556666:function:x",
        "secretsmanager.amazonaws.com|secretId|prod/db|arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/db-*",
        "kms.amazonaws.com|keyId|alias/orders|arn:aws:kms:eu-west-1:111122223333:alias/orders",
        "kms.amazonaws.com|keyId|1234abcd-12ab-34cd-56ef-1234567890ab|arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
        "kinesis.amazonaws.com|streamName|clicks|arn:aws:kinesis:eu-west-1:111122223333:stream/clicks",
        "ssm.amazonaws.com|name|/prod/api-key|arn:aws:ssm:eu-west-1:111122223333:parameter/prod/api-key",
        "iam.amazonaws.com|roleName|deployer|arn:aws:iam::111122223333:role/deployer",
        "logs.amazonaws.com|logGroupName|/aws/lambda/resize|arn:aws:logs:eu-west-1:111122223333:log-group:/aws/lambda/resize"
      })
  void rebuildsTheArnFromTheRequest(String source, String field, String value, String arn) {
    assertThat(EventResources.of(event(source, Map.of(field, value), List.of())))
        .containsExactly(arn);
  }

  @Test
  void s3NamesTheBucketAndTheObject() {
    assertThat(
            EventResources.of(
                event(
                    "s3.amazonaws.com",
                    Map.of("bucketName", "uploads", "key", "in/a.png"),
                    List.of())))
        .containsExactly("arn:aws:s3:::uploads/in/a.png");
  }

  @Test
  void listedResourcesWinAndNothingKnownIsAWildcard() {
    assertThat(
            EventResources.of(
                event("dynamodb.amazonaws.com", Map.of("tableName", "T"), List.of("arn:listed"))))
        .containsExactly("arn:listed");
    assertThat(EventResources.of(event("sts.amazonaws.com", Map.of(), List.of())))
        .containsExactly("*");
  }
}
