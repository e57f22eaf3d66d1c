package dev.warden.flink.kinesis;

import software.amazon.awssdk.services.kinesis.model.GetShardIteratorRequest;
import software.amazon.awssdk.services.kinesis.model.ListShardsRequest;

/** A stream given by name or by ARN, put into the requests that name it. */
public record StreamName(String value) implements java.io.Serializable {

  public boolean isArn() {
    return value.startsWith("arn:");
  }

  ListShardsRequest.Builder into(ListShardsRequest.Builder request) {
    return isArn() ? request.streamARN(value) : request.streamName(value);
  }

  GetShardIteratorRequest.Builder into(GetShardIteratorRequest.Builder request) {
    return isArn() ? request.streamARN(value) : request.streamName(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
