package dev.warden.inventory;

/** What a resource is to a function: somewhere data lives or events flow. */
public enum ResourceKind {
  TABLE("table"),
  BUCKET("bucket"),
  QUEUE("queue"),
  TOPIC("topic"),
  STREAM("stream"),
  DELIVERY_STREAM("delivery-stream"),
  SECRET("secret"),
  KEY("key"),
  PARAMETER("parameter"),
  API("api"),
  EVENT_BUS("event-bus"),
  STATE_MACHINE("state-machine"),
  LOG_GROUP("log-group"),
  USER_POOL("user-pool"),
  IDENTITY_POOL("identity-pool"),
  GRAPHQL_API("graphql-api"),
  REPOSITORY("repository"),
  CLUSTER("cluster"),
  BROKER("broker"),
  DATABASE("database"),
  FILE_SYSTEM("file-system"),
  FUNCTION("function"),
  LAYER("layer"),
  ROLE("role"),
  OTHER("other");

  private final String wireName;

  ResourceKind(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }
}
