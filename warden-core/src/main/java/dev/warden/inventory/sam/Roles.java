package dev.warden.inventory.sam;

import dev.warden.iam.AwsManagedPolicies;
import dev.warden.inventory.ExecutionRole;
import dev.warden.inventory.Policy;
import dev.warden.inventory.PolicyKind;
import dev.warden.inventory.SourceLocation;
import dev.warden.inventory.SymbolicText;
import dev.warden.inventory.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Execution roles: roles declared in the template with every policy attached to them, the roles SAM
 * generates for functions without one (with their policy templates expanded), and roles known only
 * by ARN.
 */
final class Roles {

  static final String BASIC_EXECUTION =
      "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole";
  static final String XRAY_WRITE = "arn:aws:iam::aws:policy/AWSXrayWriteOnlyAccess";
  static final String VPC_ACCESS =
      "arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole";

  private static final Set<String> ROLE_TYPES = Set.of("AWS::IAM::Role");
  private static final Set<String> MANAGED_POLICY_TYPES = Set.of("AWS::IAM::ManagedPolicy");

  private final LoadContext context;
  private final PolicyTemplates templates;
  private final Problems problems;
  private final Map<String, ExecutionRole> declared = new HashMap<>();
  private Map<String, List<TemplateResource>> attachments;

  Roles(LoadContext context, PolicyTemplates templates, Problems problems) {
    this.context = context;
    this.templates = templates;
    this.problems = problems;
  }

  ExecutionRole forFunction(FunctionDraft draft) {
    Optional<Value> role = draft.properties.get("Role");
    if (role.isEmpty()) {
      if (draft.isSam()) {
        return generated(draft);
      }
      context.problem(
          draft.resource.at(),
          "function " + draft.logicalId() + " has no Role",
          "AWS::Lambda::Function requires a Role; CloudFormation would reject the template.");
      return ExecutionRole.external(
          SymbolicText.symbol(draft.logicalId() + ".Role"), draft.resource.at());
    }
    SymbolicText arn = role.get().asText().orElse(SymbolicText.symbol(draft.logicalId() + ".Role"));
    Optional<TemplateResource> resource = context.referenced(arn, ROLE_TYPES);
    if (resource.isPresent()) {
      return declared(resource.get());
    }
    return ExecutionRole.external(arn, role.get().at());
  }

  // ---------------------------------------------------------------- declared roles

  private ExecutionRole declared(TemplateResource role) {
    ExecutionRole known = declared.get(role.logicalId());
    if (known != null) {
      return known;
    }
    Value.Obj p = context.properties(role);
    List<Policy> policies = new ArrayList<>();
    for (Value item : p.list("Policies")) {
      item.asObj()
          .ifPresent(
              policy -> inline(policy, "PolicyName", "PolicyDocument").ifPresent(policies::add));
    }
    List<SymbolicText> managedArns = new ArrayList<>();
    for (Value arn : p.list("ManagedPolicyArns")) {
      arn.asText().ifPresent(text -> attachManaged(text, arn.at(), managedArns, policies));
    }
    for (TemplateResource attachment : attachments().getOrDefault(role.logicalId(), List.of())) {
      Value.Obj a = context.properties(attachment);
      if (attachment.type().equals("AWS::IAM::ManagedPolicy")) {
        attachManaged(context.resolver().arnOf(attachment), attachment.at(), managedArns, policies);
      } else {
        inline(a, "PolicyName", "PolicyDocument").ifPresent(policies::add);
      }
    }
    ExecutionRole result =
        new ExecutionRole(
            Optional.of(role.logicalId()),
            context.resolver().arnOf(role),
            ExecutionRole.Origin.DECLARED,
            policies,
            managedArns,
            Props.text(p, "PermissionsBoundary"),
            boundaryDocument(Props.text(p, "PermissionsBoundary")),
            p.get("AssumeRolePolicyDocument"),
            role.at());
    declared.put(role.logicalId(), result);
    return result;
  }

  /**
   * The document of a permissions boundary the app declares: an {@code AWS::IAM::ManagedPolicy}
   * referenced, or named by its ARN ({@code arn:…:policy/NAME}).
   */
  private Optional<Value> boundaryDocument(Optional<SymbolicText> boundary) {
    if (boundary.isEmpty()) {
      return Optional.empty();
    }
    Optional<TemplateResource> policy =
        context.referenced(boundary.get(), Set.of("AWS::IAM::ManagedPolicy"));
    if (policy.isEmpty()) {
      Optional<String> name =
          boundary
              .get()
              .concrete()
              .filter(a -> a.contains(":policy/"))
              .map(a -> a.substring(a.lastIndexOf('/') + 1));
      policy =
          name.flatMap(
              n ->
                  context.ofType("AWS::IAM::ManagedPolicy").stream()
                      .filter(
                          r ->
                              Props.string(context.properties(r), "ManagedPolicyName")
                                  .orElse("")
                                  .equals(n))
                      .findFirst());
    }
    return policy.flatMap(r -> context.properties(r).get("PolicyDocument"));
  }

  /** Policies declared as their own resources and attached to roles by name: role id → them. */
  private Map<String, List<TemplateResource>> attachments() {
    if (attachments != null) {
      return attachments;
    }
    attachments = new LinkedHashMap<>();
    for (TemplateResource policy :
        context.ofType("AWS::IAM::Policy", "AWS::IAM::ManagedPolicy", "AWS::IAM::RolePolicy")) {
      Value.Obj p = context.properties(policy);
      List<SymbolicText> roles =
          policy.type().equals("AWS::IAM::RolePolicy")
              ? Props.texts(p, "RoleName")
              : Props.texts(p, "Roles");
      for (SymbolicText role : roles) {
        context
            .referenced(role, ROLE_TYPES)
            .ifPresent(
                r ->
                    attachments.computeIfAbsent(r.logicalId(), k -> new ArrayList<>()).add(policy));
      }
    }
    return attachments;
  }

  private Optional<Policy> inline(Value.Obj holder, String nameKey, String documentKey) {
    Optional<Value> document = holder.get(documentKey);
    if (document.isEmpty()) {
      context.problem(
          holder.at(), "a policy has no " + documentKey, "Give every policy its document.");
      return Optional.empty();
    }
    String name = Props.text(holder, nameKey).map(SymbolicText::toString).orElse("inline");
    return Optional.of(
        new Policy(
            name,
            PolicyKind.INLINE,
            Optional.empty(),
            document.get(),
            Props.at(holder, documentKey)));
  }

  /** Records a managed policy and, when its document is known, adds the document. */
  private void attachManaged(
      SymbolicText arn, SourceLocation at, List<SymbolicText> arns, List<Policy> policies) {
    attachManaged(arn, at, arns, policies, PolicyKind.AWS_MANAGED);
  }

  /**
   * As above; {@code kind} is {@link PolicyKind#GENERATED} for the AWS-managed policies SAM
   * attaches by itself (basic execution, tracing, VPC access, event-source pollers).
   */
  private void attachManaged(
      SymbolicText arn,
      SourceLocation at,
      List<SymbolicText> arns,
      List<Policy> policies,
      PolicyKind kind) {
    if (arns.contains(arn)) {
      return;
    }
    arns.add(arn);
    Optional<String> concrete = arn.concrete();
    boolean awsManaged = concrete.isPresent() && AwsManagedPolicies.isAwsManagedArn(concrete.get());
    Optional<TemplateResource> customer =
        awsManaged ? Optional.empty() : context.referenced(arn, MANAGED_POLICY_TYPES);
    if (customer.isPresent()) {
      Value.Obj p = context.properties(customer.get());
      p.get("PolicyDocument")
          .ifPresent(
              document ->
                  policies.add(
                      new Policy(
                          Props.text(p, "ManagedPolicyName")
                              .map(SymbolicText::toString)
                              .orElse(customer.get().logicalId()),
                          PolicyKind.CUSTOMER_MANAGED,
                          Optional.of(arn),
                          document,
                          at)));
      return;
    }
    if (awsManaged) {
      Optional<AwsManagedPolicies.ManagedPolicyDocument> bundled =
          context.managedPolicies().byArn(concrete.get());
      if (bundled.isPresent()) {
        policies.add(
            new Policy(bundled.get().name(), kind, Optional.of(arn), bundled.get().document(), at));
      } else {
        context.problem(
            at,
            "unknown AWS-managed policy "
                + concrete.get()
                + " (not in the bundled list of "
                + context.managedPolicies().revision()
                + ")",
            "Check the policy name; if AWS added it recently, update Warden.");
      }
    }
  }

  // ---------------------------------------------------------------- SAM's generated role

  /**
   * The role SAM creates for a function without {@code Role}: Lambda may assume it, it has the
   * basic execution policy (plus X-Ray and VPC access when the function uses them), and the
   * function's {@code Policies}, expanded.
   * https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-resource-function.html#sam-function-policies
   */
  private ExecutionRole generated(FunctionDraft draft) {
    Value.Obj p = draft.properties;
    SourceLocation at = draft.resource.at();
    List<Policy> policies = new ArrayList<>();
    List<SymbolicText> managedArns = new ArrayList<>();
    attachManaged(
        SymbolicText.of(BASIC_EXECUTION), at, managedArns, policies, PolicyKind.GENERATED);
    if (Props.string(p, "Tracing").map("Active"::equalsIgnoreCase).orElse(false)) {
      attachManaged(
          SymbolicText.of(XRAY_WRITE),
          Props.at(p, "Tracing"),
          managedArns,
          policies,
          PolicyKind.GENERATED);
    }
    if (p.has("VpcConfig")) {
      attachManaged(
          SymbolicText.of(VPC_ACCESS),
          Props.at(p, "VpcConfig"),
          managedArns,
          policies,
          PolicyKind.GENERATED);
    }
    int index = 0;
    for (Value entry : p.list("Policies")) {
      index++;
      samPolicy(draft, entry, index, managedArns, policies);
    }
    for (SymbolicText arn : draft.generatedManagedPolicies) {
      attachManaged(arn, at, managedArns, policies, PolicyKind.GENERATED);
    }
    policies.addAll(draft.generatedPolicies);
    Optional<Value> trust =
        p.get("AssumeRolePolicyDocument").or(() -> Optional.of(lambdaTrust(at)));
    String roleId = draft.logicalId() + "Role";
    SymbolicText arn =
        context
            .resource(roleId)
            .map(r -> context.resolver().arnOf(r))
            .orElse(SymbolicText.symbol(roleId + ".Arn"));
    return new ExecutionRole(
        Optional.of(roleId),
        arn,
        ExecutionRole.Origin.GENERATED,
        policies,
        managedArns,
        Props.text(p, "PermissionsBoundary"),
        boundaryDocument(Props.text(p, "PermissionsBoundary")),
        trust,
        at);
  }

  private void samPolicy(
      FunctionDraft draft,
      Value entry,
      int index,
      List<SymbolicText> managedArns,
      List<Policy> policies) {
    if (entry instanceof Value.Str || entry instanceof Value.Num) {
      SymbolicText text = entry.asText().orElseThrow();
      Optional<String> concrete = text.concrete();
      if (concrete.isPresent() && !concrete.get().startsWith("arn:")) {
        Optional<AwsManagedPolicies.ManagedPolicyDocument> named =
            context.managedPolicies().byName(concrete.get());
        if (named.isEmpty()) {
          context.problem(
              entry.at(),
              "Policies names "
                  + concrete.get()
                  + ", which is not an AWS-managed policy in the bundled list",
              "Use the name of an AWS-managed policy, a policy ARN, a SAM policy template or a policy document.");
          SymbolicText guessed = SymbolicText.of("arn:aws:iam::aws:policy/" + concrete.get());
          if (!managedArns.contains(guessed)) {
            managedArns.add(guessed);
          }
          return;
        }
        text = SymbolicText.of(named.get().arn());
      }
      attachManaged(text, entry.at(), managedArns, policies);
      return;
    }
    if (!(entry instanceof Value.Obj obj)) {
      context.problem(
          entry.at(),
          "a Policies entry is " + entry.kindName(),
          "Write a policy name, ARN, template or document.");
      return;
    }
    if (obj.has("Statement")) {
      policies.add(
          new Policy(
              draft.logicalId() + "RolePolicy" + (index - 1),
              PolicyKind.INLINE,
              Optional.empty(),
              obj,
              entry.at()));
      return;
    }
    if (obj.fields().size() == 1 && templates.has(obj.fields().get(0).key())) {
      Value.Field template = obj.fields().get(0);
      Value.Obj parameters =
          template.value().asObj().orElse(new Value.Obj(List.of(), template.keyAt()));
      templates
          .expand(template.key(), parameters, template.keyAt(), problems)
          .map(definition -> context.resolver().resolve(definition))
          .ifPresent(
              document ->
                  policies.add(
                      new Policy(
                          template.key(),
                          PolicyKind.SAM_TEMPLATE,
                          Optional.empty(),
                          document,
                          template.keyAt())));
      return;
    }
    Optional<String> template = obj.keys().stream().filter(templates::has).findFirst();
    if (template.isPresent()) {
      // A common slip: the parameters written beside the template's name instead of under it.
      List<String> others = new ArrayList<>(obj.keys());
      others.remove(template.get());
      context.problem(
          entry.at(),
          "Policies entry "
              + template.get()
              + " has its parameters ("
              + String.join(", ", others)
              + ") beside the template name instead of under it",
          "Indent the parameters one level under " + template.get() + ":.");
      return;
    }
    String key = obj.fields().isEmpty() ? "{}" : obj.fields().get(0).key();
    context.problem(
        entry.at(),
        "Policies entry "
            + key
            + " is not a SAM policy template, a policy document or a policy ARN",
        "Check the template name against the SAM policy template list (e.g. DynamoDBCrudPolicy).");
  }

  /** The trust policy SAM gives generated roles. */
  static Value lambdaTrust(SourceLocation at) {
    Value statement =
        new Value.Obj(
            List.of(
                new Value.Field("Effect", at, Value.Str.of("Allow", at)),
                new Value.Field(
                    "Principal",
                    at,
                    new Value.Obj(
                        List.of(
                            new Value.Field(
                                "Service", at, Value.Str.of("lambda.amazonaws.com", at))),
                        at)),
                new Value.Field(
                    "Action", at, new Value.Seq(List.of(Value.Str.of("sts:AssumeRole", at)), at))),
            at);
    return new Value.Obj(
        List.of(
            new Value.Field("Version", at, Value.Str.of("2012-10-17", at)),
            new Value.Field("Statement", at, new Value.Seq(List.of(statement), at))),
        at);
  }

  /** A generated policy document with one Allow statement. */
  static Value allow(List<String> actions, SymbolicText resource, SourceLocation at) {
    List<Value> actionValues = new ArrayList<>();
    for (String action : actions) {
      actionValues.add(Value.Str.of(action, at));
    }
    Value statement =
        new Value.Obj(
            List.of(
                new Value.Field("Effect", at, Value.Str.of("Allow", at)),
                new Value.Field("Action", at, new Value.Seq(actionValues, at)),
                new Value.Field("Resource", at, new Value.Str(resource, at))),
            at);
    return new Value.Obj(
        List.of(
            new Value.Field("Version", at, Value.Str.of("2012-10-17", at)),
            new Value.Field("Statement", at, new Value.Seq(List.of(statement), at))),
        at);
  }
}
