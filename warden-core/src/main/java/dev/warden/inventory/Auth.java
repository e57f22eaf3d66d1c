package dev.warden.inventory;

/** Who may cause an invocation through a trigger. */
public enum Auth {
  /** Anybody who can reach the entry point. */
  NONE("none"),
  /** Callers signed with AWS credentials that an IAM or resource policy allows. */
  IAM("iam"),
  /** Users of an Amazon Cognito user pool. */
  COGNITO("cognito"),
  /** A Lambda authorizer decides. */
  LAMBDA_AUTHORIZER("lambda-authorizer"),
  /** A JWT authorizer checks a token from an identity provider. */
  JWT("jwt"),
  /** An API key only: keys identify, they do not authenticate. */
  API_KEY("api-key");

  private final String wireName;

  Auth(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }
}
