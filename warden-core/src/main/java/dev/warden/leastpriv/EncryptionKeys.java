package dev.warden.leastpriv;

import dev.warden.inventory.App;
import dev.warden.inventory.Resource;
import dev.warden.inventory.SymbolicText;
import dev.warden.inventory.Value;
import java.util.List;
import java.util.Optional;

/**
 * The customer-managed KMS key a resource of the template encrypts with, and what a caller of the
 * resource needs on that key. AWS-managed keys ({@code alias/aws/sqs}) need no IAM permission,
 * their key policies admit every principal of the account through the service. DynamoDB tables are
 * left out on purpose: DynamoDB uses the key through grants it holds, callers of the table need no
 * KMS permission.
 */
final class EncryptionKeys {

  private EncryptionKeys() {}

  /** The ARN (or ARN pattern) of the customer-managed key that encrypts the resource, if any. */
  static Optional<SymbolicText> of(Resource resource, App app) {
    Value.Obj properties = resource.properties();
    Optional<SymbolicText> key =
        switch (resource.type()) {
          case "AWS::SQS::Queue", "AWS::SNS::Topic" -> properties.text("KmsMasterKeyId");
          case "AWS::Kinesis::Stream" ->
              properties
                  .obj("StreamEncryption")
                  .filter(
                      e ->
                          e.text("EncryptionType")
                              .map(t -> t.toString().equals("KMS"))
                              .orElse(false))
                  .flatMap(e -> e.text("KeyId"));
          case "AWS::SecretsManager::Secret" -> properties.text("KmsKeyId");
          case "AWS::S3::Bucket" -> bucketKey(properties);
          default -> Optional.empty();
        };
    return key.flatMap(k -> arn(k, app));
  }

  private static Optional<SymbolicText> bucketKey(Value.Obj properties) {
    return properties
        .obj("BucketEncryption")
        .map(e -> e.list("ServerSideEncryptionConfiguration"))
        .orElse(List.of())
        .stream()
        .filter(Value.Obj.class::isInstance)
        .map(Value.Obj.class::cast)
        .flatMap(rule -> rule.obj("ServerSideEncryptionByDefault").stream())
        .filter(
            d -> d.text("SSEAlgorithm").map(a -> a.toString().startsWith("aws:kms")).orElse(false))
        .flatMap(d -> d.text("KMSMasterKeyID").stream())
        .findFirst();
  }

  /**
   * The key's ARN: the app's key when the value refers to it (by id or through an alias the app
   * defines), a literal key ARN or id as is; an alias of the account's own (not {@code alias/aws/})
   * stands for some key of the account.
   */
  private static Optional<SymbolicText> arn(SymbolicText value, App app) {
    for (String symbol : value.symbols()) {
      String id = symbol.endsWith(".Arn") ? symbol.substring(0, symbol.length() - 4) : symbol;
      for (Resource resource : app.resources()) {
        if (!resource.logicalId().equals(id)) {
          continue;
        }
        if (resource.type().equals("AWS::KMS::Key")) {
          return Optional.of(resource.arn());
        }
        if (resource.type().equals("AWS::KMS::Alias")) {
          Optional<SymbolicText> target = resource.properties().text("TargetKeyId");
          if (target.isPresent() && !target.get().symbols().contains(id)) {
            return arn(target.get(), app);
          }
        }
      }
    }
    String text = value.toString();
    if (text.startsWith("alias/aws/") || text.contains(":alias/aws/")) {
      return Optional.empty();
    }
    String aliasName =
        text.contains(":alias/") ? text.substring(text.indexOf(":alias/") + 1) : text;
    for (Resource resource : app.resources()) {
      if (resource.type().equals("AWS::KMS::Alias")
          && resource
              .properties()
              .text("AliasName")
              .map(n -> n.toString().equals(aliasName))
              .orElse(false)) {
        Optional<SymbolicText> target = resource.properties().text("TargetKeyId");
        if (target.isPresent() && !target.get().toString().equals(text)) {
          return arn(target.get(), app);
        }
      }
    }
    if (text.startsWith("arn:") && text.contains(":key/")) {
      return Optional.of(value);
    }
    SymbolicText account =
        SymbolicText.concat(
            List.of(
                SymbolicText.of("arn:aws:kms:"),
                SymbolicText.symbol("AWS::Region"),
                SymbolicText.of(":"),
                SymbolicText.symbol("AWS::AccountId"),
                SymbolicText.of(":key/")));
    if (value.isConcrete() && text.matches("[0-9a-fA-F-]{36}|mrk-[0-9a-f]{32}")) {
      return Optional.of(account.append(value));
    }
    return Optional.of(account.append(SymbolicText.of("*")));
  }

  /**
   * What an action on an encrypted resource needs on its key: reading decrypts, writing asks for a
   * data key, and SQS, SNS and multipart S3 uploads do both (AWS documents each).
   */
  static List<String> use(String action, boolean multipart) {
    return switch (action) {
      case "s3:GetObject",
          "s3:GetObjectVersion",
          "sqs:ReceiveMessage",
          "kinesis:GetRecords",
          "secretsmanager:GetSecretValue" ->
          List.of("kms:Decrypt");
      case "s3:PutObject" ->
          multipart
              ? List.of("kms:Decrypt", "kms:GenerateDataKey")
              : List.of("kms:GenerateDataKey");
      case "sqs:SendMessage", "sns:Publish" -> List.of("kms:Decrypt", "kms:GenerateDataKey");
      case "kinesis:PutRecord",
          "kinesis:PutRecords",
          "secretsmanager:PutSecretValue",
          "secretsmanager:UpdateSecret",
          "secretsmanager:CreateSecret" ->
          List.of("kms:GenerateDataKey");
      default -> List.of();
    };
  }
}
