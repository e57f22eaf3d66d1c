package dev.warden.logs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** CloudTrail's event names against the IAM actions that authorised them. */
class EventActionsTest {

  private static final EventActions ACTIONS = EventActions.bundled();

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource({
    "dynamodb.amazonaws.com, GetItem, dynamodb:GetItem",
    "secretsmanager.amazonaws.com, GetSecretValue, secretsmanager:GetSecretValue",
    "monitoring.amazonaws.com, PutMetricData, cloudwatch:PutMetricData",
    "lambda.amazonaws.com, UpdateFunctionCode20150331v2, lambda:UpdateFunctionCode",
    "lambda.amazonaws.com, CreateFunction20150331, lambda:CreateFunction",
    "lambda.amazonaws.com, Invoke, lambda:InvokeFunction",
    "s3.amazonaws.com, ListObjects, s3:ListBucket",
    "s3.amazonaws.com, HeadObject, s3:GetObject",
    "s3.amazonaws.com, ListBuckets, s3:ListAllMyBuckets",
    "s3.amazonaws.com, UploadPart, s3:PutObject",
    "s3.amazonaws.com, CopyObject, s3:GetObject+s3:PutObject",
    "iam.amazonaws.com, PassRole, iam:PassRole"
  })
  void mapsEventsToTheActionsThatAuthorisedThem(String source, String name, String expected) {
    EventActions.Mapping mapping = ACTIONS.of(source, name);
    assertThat(mapping.known()).isTrue();
    assertThat(String.join("+", mapping.actions())).isEqualTo(expected);
  }

  @Test
  void aCallThatNeedsNoPermissionMapsToNoAction() {
    assertThat(ACTIONS.of("sts.amazonaws.com", "GetCallerIdentity"))
        .isEqualTo(new EventActions.Mapping(java.util.List.of(), true));
  }

  @Test
  void pairsTheCatalogDoesNotKnowAreUnknownNotGuessed() {
    assertThat(ACTIONS.of("dynamodb.amazonaws.com", "GetItemz").known()).isFalse();
    assertThat(ACTIONS.of("signin.amazonaws.com", "ConsoleLogin").known()).isFalse();
    assertThat(ACTIONS.of("AWS Internal", "Something").known()).isFalse();
  }
}
