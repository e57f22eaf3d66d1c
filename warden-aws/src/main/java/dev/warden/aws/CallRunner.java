package dev.warden.aws;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Makes one collector call and stores its answer: read back from the folder when an interrupted run
 * already stored it, else asked of AWS and written whole. An answer that says "there is none" (a
 * function without a resource policy, a bucket without a public access block) is normal and stores
 * nothing; any other error is recorded as a failure for the manifest and the collection goes on
 * without it.
 */
final class CallRunner {

  /** Error codes by which AWS says the thing asked about does not exist or is not configured. */
  private static final Set<String> ABSENT =
      Set.of(
          "ResourceNotFoundException",
          "NotFoundException",
          "NoSuchPublicAccessBlockConfiguration",
          "NoSuchBucketPolicy",
          "NoSuchConfiguration");

  /** Error codes by which a region the account has not enabled refuses every call. */
  static final Set<String> REGION_NOT_ENABLED =
      Set.of("UnrecognizedClientException", "InvalidClientTokenId", "AuthFailure", "OptInRequired");

  private final SnapshotFolder folder;
  private final CallLedger ledger;

  CallRunner(SnapshotFolder folder, CallLedger ledger) {
    this.folder = folder;
    this.ledger = ledger;
  }

  /**
   * The answer stored at {@code file}: read back, or asked for and written. Empty when there is
   * none or the call failed (then recorded).
   */
  Optional<JsonNode> fetch(
      String file,
      String service,
      String operation,
      String region,
      @Nullable String resource,
      Supplier<JsonNode> call) {
    Optional<JsonNode> stored = folder.stored(file);
    if (stored.isPresent()) {
      ledger.reused();
      return stored;
    }
    if (folder.resumed() && folder.knownAbsent(file)) {
      ledger.reused();
      return Optional.empty();
    }
    try {
      JsonNode answer = call.get();
      folder.write(file, answer);
      return Optional.of(answer);
    } catch (AwsServiceException e) {
      String code = errorCode(e);
      if (ABSENT.contains(code) || e.statusCode() == 404) {
        folder.absent(file);
        return Optional.empty();
      }
      ledger.failed(
          new CallLedger.Failure(
              service, operation, region, Optional.ofNullable(resource), code, message(e, code)));
      return Optional.empty();
    } catch (SdkClientException e) {
      ledger.failed(
          new CallLedger.Failure(
              service,
              operation,
              region,
              Optional.ofNullable(resource),
              "ClientError",
              String.valueOf(e.getMessage())));
      return Optional.empty();
    }
  }

  static String errorCode(AwsServiceException e) {
    String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
    return code == null || code.isBlank() ? "HTTP " + e.statusCode() : code;
  }

  private static String message(AwsServiceException e, String code) {
    String message =
        e.awsErrorDetails() == null || e.awsErrorDetails().errorMessage() == null
            ? ""
            : e.awsErrorDetails().errorMessage();
    if (REGION_NOT_ENABLED.contains(code)) {
      return (message.isEmpty() ? "" : message + " ")
          + "(the region may not be enabled for this account)";
    }
    return message;
  }
}
