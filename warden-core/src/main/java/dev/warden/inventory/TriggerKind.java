package dev.warden.inventory;

/**
 * What makes a function run, named after the service that delivers the event. {@code http} and
 * {@code schedule} are shared by all clouds.
 */
public enum TriggerKind {
  HTTP("http", Delivery.SYNCHRONOUS),
  SCHEDULE("schedule", Delivery.ASYNCHRONOUS),
  FUNCTION_URL("function-url", Delivery.SYNCHRONOUS),
  S3("s3", Delivery.ASYNCHRONOUS),
  SQS("sqs", Delivery.POLLED),
  SNS("sns", Delivery.ASYNCHRONOUS),
  KINESIS("kinesis", Delivery.POLLED),
  DYNAMODB_STREAM("dynamodb-stream", Delivery.POLLED),
  EVENTBRIDGE("eventbridge", Delivery.ASYNCHRONOUS),
  IOT("iot", Delivery.ASYNCHRONOUS),
  COGNITO("cognito", Delivery.SYNCHRONOUS),
  CODECOMMIT("codecommit", Delivery.ASYNCHRONOUS),
  ALEXA("alexa", Delivery.SYNCHRONOUS),
  MQ("mq", Delivery.POLLED),
  MSK("msk", Delivery.POLLED),
  KAFKA("kafka", Delivery.POLLED),
  DOCUMENTDB("documentdb", Delivery.POLLED),
  CLOUDWATCH_LOGS("cloudwatch-logs", Delivery.ASYNCHRONOUS),
  STEP_FUNCTIONS("step-functions", Delivery.SYNCHRONOUS),
  APPSYNC("appsync", Delivery.SYNCHRONOUS),
  LOAD_BALANCER("alb", Delivery.SYNCHRONOUS),
  LAMBDA("lambda", Delivery.SYNCHRONOUS),
  BLOB("blob", Delivery.ASYNCHRONOUS),
  QUEUE("queue", Delivery.POLLED),
  SERVICE_BUS("service-bus", Delivery.POLLED),
  EVENT_GRID("event-grid", Delivery.ASYNCHRONOUS),
  EVENT_HUB("event-hub", Delivery.POLLED),
  COSMOSDB("cosmosdb", Delivery.POLLED),
  PUBSUB("pubsub", Delivery.ASYNCHRONOUS),
  GCS("gcs", Delivery.ASYNCHRONOUS),
  FIRESTORE("firestore", Delivery.ASYNCHRONOUS),
  EVENTARC("eventarc", Delivery.ASYNCHRONOUS),
  /** An event source Warden does not model yet; kept so that it is never silently dropped. */
  OTHER("other", Delivery.ASYNCHRONOUS);

  /** How the platform invokes the function for this kind of event. */
  public enum Delivery {
    /** The caller waits for the answer (API, function URL, authorizer-style hooks). */
    SYNCHRONOUS,
    /** The service queues the event and Lambda retries it; failures go to a DLQ or destination. */
    ASYNCHRONOUS,
    /** Lambda polls the source (queue, stream); failures are handled on the mapping. */
    POLLED
  }

  private final String wireName;
  private final Delivery delivery;

  TriggerKind(String wireName, Delivery delivery) {
    this.wireName = wireName;
    this.delivery = delivery;
  }

  /** The name used in reports, e.g. {@code dynamodb-stream}. */
  public String wireName() {
    return wireName;
  }

  public Delivery delivery() {
    return delivery;
  }
}
