package dev.warden.flink.kinesis;

import java.io.Serializable;
import java.net.URI;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * Makes the Kinesis client on each task manager (a client cannot travel with the job): AWS's
 * default credentials chain (the task's role, environment, profile), the given region, and an
 * endpoint of one's own when given (a VPC endpoint, or a local Kinesis for trials).
 */
@FunctionalInterface
public interface KinesisClients extends Supplier<KinesisClient>, Serializable {

  /** Clients for {@code region}, at {@code endpoint} when not null. */
  static KinesisClients of(String region, @Nullable String endpoint) {
    return () -> {
      var builder = KinesisClient.builder().region(Region.of(region));
      if (endpoint != null) {
        builder.endpointOverride(URI.create(endpoint));
      }
      return builder.build();
    };
  }
}
