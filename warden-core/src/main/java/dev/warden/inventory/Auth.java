package dev.warden.inventory;

/** Who may cause an invocation through a trigger. */
public enum Auth {
  /** Anybody who can reach the entry point. */
  NONE("none"),
  /**
   * Callers signed with the cloud's credentials that an IAM policy allows (AWS SigV4, Google
   * identity tokens).
   */
  IAM("iam"),
  /** Users of an Amazon Cognito user pool. */
  COGNITO("cognito"),
  /** A Lambda authorizer decides. */
  LAMBDA_AUTHORIZER("lambda-authorizer"),
  /** A JWT authorizer checks a token from an identity provider. */
  JWT("jwt"),
  /** An API key only: keys identify, they do not authenticate. */
  API_KEY("api-key"),
  /**
   * An Azure Functions function or admin key: one secret shared by every caller, passed in the URL
   * or a header; like an API key, it does not authenticate anyone.
   */
  FUNCTION_KEY("function-key"),
  /** Azure App Service built-in authentication (Easy Auth) checks callers before the function. */
  PLATFORM("platform");

  private final String wireName;

  Auth(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }
}
