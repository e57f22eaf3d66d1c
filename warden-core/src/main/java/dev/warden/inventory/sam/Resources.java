package dev.warden.inventory.sam;

import dev.warden.inventory.Resource;
import dev.warden.inventory.ResourceKind;
import dev.warden.inventory.ResourcePolicies;
import dev.warden.inventory.SymbolicText;
import dev.warden.inventory.Value;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The data and messaging resources of a template, with the resource-based policies that other
 * resources attach to them (bucket, queue, topic, event bus, secret and stream policies).
 */
final class Resources {

  private static final Set<ResourceKind> MODELLED_ELSEWHERE =
      Set.of(ResourceKind.FUNCTION, ResourceKind.ROLE, ResourceKind.LAYER);

  private final LoadContext context;
  private final Map<String, Resource> byLogicalId = new LinkedHashMap<>();
  private final Map<String, Value> policies = new LinkedHashMap<>();

  Resources(LoadContext context) {
    this.context = context;
  }

  void readAll() {
    attachPolicies();
    for (TemplateResource resource : context.template().resources().values()) {
      Optional<ResourceTypes.Info> info = ResourceTypes.of(resource.type());
      if (info.isEmpty()
          || info.get().kind() == null
          || MODELLED_ELSEWHERE.contains(info.get().kind())
          || !context.exists(resource)) {
        continue;
      }
      Value.Obj properties = context.properties(resource);
      Optional<Value> policy =
          Optional.ofNullable(policies.get(resource.logicalId()))
              .or(() -> inlinePolicy(resource.type(), properties));
      byLogicalId.put(
          resource.logicalId(),
          new Resource(
              resource.logicalId(),
              resource.type(),
              info.get().kind(),
              context.resolver().nameOf(resource),
              context.resolver().arnOf(resource),
              policy,
              properties,
              resource.at()));
    }
  }

  Collection<Resource> all() {
    return byLogicalId.values();
  }

  Optional<Resource> get(String logicalId) {
    return Optional.ofNullable(byLogicalId.get(logicalId));
  }

  /**
   * True when anybody may do one of {@code actions} on the resource: a policy allows any principal
   * without a narrowing condition, or (S3) the bucket's ACL grants public write.
   */
  boolean anyoneMay(String logicalId, List<String> actions) {
    Resource resource = byLogicalId.get(logicalId);
    if (resource == null) {
      return false;
    }
    if (resource.kind() == ResourceKind.BUCKET) {
      Value.Obj block = Props.obj(resource.properties(), "PublicAccessBlockConfiguration");
      boolean aclBlocked = Props.bool(block, "IgnorePublicAcls").orElse(false);
      boolean policyBlocked = Props.bool(block, "RestrictPublicBuckets").orElse(false);
      boolean aclWrite =
          Props.string(resource.properties(), "AccessControl")
              .map("PublicReadWrite"::equalsIgnoreCase)
              .orElse(false);
      if (aclWrite && !aclBlocked) {
        return true;
      }
      return !policyBlocked && ResourcePolicies.allowsAnyone(resource.policy(), actions);
    }
    return ResourcePolicies.allowsAnyone(resource.policy(), actions);
  }

  private static Optional<Value> inlinePolicy(String type, Value.Obj properties) {
    return switch (type) {
      case "AWS::KMS::Key" -> properties.get("KeyPolicy");
      case "AWS::DynamoDB::Table" ->
          properties.obj("ResourcePolicy").flatMap(p -> p.get("PolicyDocument"));
      default -> Optional.empty();
    };
  }

  private void attachPolicies() {
    for (TemplateResource policy :
        context.ofType(
            "AWS::S3::BucketPolicy",
            "AWS::SQS::QueuePolicy",
            "AWS::SNS::TopicPolicy",
            "AWS::Events::EventBusPolicy",
            "AWS::SecretsManager::ResourcePolicy",
            "AWS::Kinesis::ResourcePolicy")) {
      Value.Obj p = context.properties(policy);
      switch (policy.type()) {
        case "AWS::S3::BucketPolicy" ->
            attach(Props.texts(p, "Bucket"), Set.of("AWS::S3::Bucket"), p.get("PolicyDocument"));
        case "AWS::SQS::QueuePolicy" ->
            attach(Props.texts(p, "Queues"), Set.of("AWS::SQS::Queue"), p.get("PolicyDocument"));
        case "AWS::SNS::TopicPolicy" ->
            attach(Props.texts(p, "Topics"), Set.of("AWS::SNS::Topic"), p.get("PolicyDocument"));
        case "AWS::SecretsManager::ResourcePolicy" ->
            attach(
                Props.texts(p, "SecretId"),
                Set.of("AWS::SecretsManager::Secret"),
                p.get("ResourcePolicy"));
        case "AWS::Kinesis::ResourcePolicy" ->
            attach(
                Props.texts(p, "ResourceArn"),
                Set.of("AWS::Kinesis::Stream"),
                p.get("ResourcePolicy"));
        default ->
            attach(
                Props.texts(p, "EventBusName"), Set.of("AWS::Events::EventBus"), eventBusPolicy(p));
      }
    }
  }

  /** An event bus policy is a statement, or the legacy Principal/Action/Condition properties. */
  private static Optional<Value> eventBusPolicy(Value.Obj p) {
    Optional<Value> statement = p.get("Statement");
    List<Value.Field> fields = new ArrayList<>();
    if (statement.isPresent()) {
      fields.add(new Value.Field("Statement", statement.get().at(), statement.get()));
    } else {
      List<Value.Field> legacy = new ArrayList<>();
      legacy.add(new Value.Field("Effect", p.at(), Value.Str.of("Allow", p.at())));
      p.get("Principal").ifPresent(v -> legacy.add(new Value.Field("Principal", v.at(), v)));
      p.get("Action").ifPresent(v -> legacy.add(new Value.Field("Action", v.at(), v)));
      p.get("Condition").ifPresent(v -> legacy.add(new Value.Field("Condition", v.at(), v)));
      fields.add(new Value.Field("Statement", p.at(), new Value.Obj(legacy, p.at())));
    }
    return Optional.of(new Value.Obj(fields, p.at()));
  }

  private void attach(List<SymbolicText> targets, Set<String> types, Optional<Value> document) {
    if (document.isEmpty()) {
      return;
    }
    for (SymbolicText target : targets) {
      context
          .referenced(target, types)
          .ifPresent(r -> policies.merge(r.logicalId(), document.get(), Resources::combine));
    }
  }

  /** Two policies on one resource act as one policy with the statements of both. */
  private static Value combine(Value first, Value second) {
    List<Value> statements = new ArrayList<>(ResourcePolicies.statements(first));
    statements.addAll(ResourcePolicies.statements(second));
    return new Value.Obj(
        List.of(
            new Value.Field("Version", first.at(), Value.Str.of("2012-10-17", first.at())),
            new Value.Field("Statement", first.at(), new Value.Seq(statements, first.at()))),
        first.at());
  }
}
