package dev.warden.inventory;

/** Where a policy document attached to a role came from. */
public enum PolicyKind {
  /** Written inline in the role or function definition. */
  INLINE("inline"),
  /** A SAM policy template ({@code DynamoDBCrudPolicy}), expanded to its statements. */
  SAM_TEMPLATE("sam-template"),
  /** Added by SAM for an event source, dead-letter queue or destination. */
  GENERATED("generated"),
  /** A customer-managed policy declared in the same app. */
  CUSTOMER_MANAGED("customer-managed"),
  /** An AWS-managed policy, its document from the bundled catalog. */
  AWS_MANAGED("aws-managed");

  private final String wireName;

  PolicyKind(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }
}
